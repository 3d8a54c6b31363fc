// The pages routes.tsx loads lazily for this feature: importing them through this one module makes
// the feature one chunk, fetched the first time one of its pages is opened.
export { AskPage } from "./AskPage";
export { RegisterPage } from "./RegisterPage";
export { DecidePage, MyRequestsPage } from "./RequestListPages";
export { RequestPage } from "./RequestPage";
export { ServicesPage } from "./ServicesPage";
export { SocialAccountsPage } from "./SocialAccountsPage";
export { TypesPage } from "./TypesPage";
