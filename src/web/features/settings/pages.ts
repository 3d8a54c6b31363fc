// The pages routes.tsx loads lazily for this feature: importing them through this one module makes
// the feature one chunk, fetched the first time one of its pages is opened.
export { OutboxPage } from "./outbox/OutboxPage";
export { SettingsIndex } from "./SettingsIndex";
export { SchoolSettingsPage } from "./school/SchoolSettingsPage";
export { TokensPage } from "./tokens/TokensPage";
