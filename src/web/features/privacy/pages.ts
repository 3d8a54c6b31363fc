// The pages routes.tsx loads lazily for this feature: importing them through this one module makes
// the feature one chunk, fetched the first time one of its pages is opened.
export { RetentionPage } from "./RetentionPage";
export { SubjectAccessPage } from "./SubjectAccessPage";
