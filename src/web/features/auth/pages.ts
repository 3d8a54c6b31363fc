// The pages routes.tsx loads lazily for this feature (the account page, for the signed in, is its own): importing them through this one module makes
// the feature one chunk, fetched the first time one of its pages is opened.

export { ForgotPasswordPage } from "./ForgotPasswordPage";
export { ResetPasswordPage } from "./ResetPasswordPage";
export { SignInPage } from "./SignInPage";
