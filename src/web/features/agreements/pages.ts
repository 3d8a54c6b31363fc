// The pages routes.tsx loads lazily for this feature: importing them through this one module makes
// the feature one chunk, fetched the first time one of its pages is opened.
export { CorrectSignaturePage } from "./CorrectSignaturePage";
export { ManageAgreementsPage } from "./ManageAgreementsPage";
export { MyAgreementsPage } from "./MyAgreementsPage";
export { NewAgreementPage } from "./NewAgreementPage";
export { ParentSignPage } from "./ParentSignPage";
export { SignAgreementPage } from "./SignAgreementPage";
export { VerifyPage } from "./VerifyPage";
