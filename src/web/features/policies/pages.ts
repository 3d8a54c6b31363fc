// The pages routes.tsx loads lazily for this feature: importing them through this one module makes
// the feature one chunk, fetched the first time one of its pages is opened.
export { ApproversSettingsPage } from "./ApproversSettingsPage";
export { DiffPage } from "./DiffPage";
export { ImportReviewPage } from "./ImportReviewPage";
export { PoliciesPage } from "./PoliciesPage";
export { PolicyEditPage } from "./PolicyEditPage";
export { PolicyImportPage } from "./PolicyImportPage";
export { PolicyNewPage } from "./PolicyNewPage";
export { PolicyPage } from "./PolicyPage";
export { VersionEditPage } from "./VersionEditPage";
export { VersionPage } from "./VersionPage";
