// The pages routes.tsx loads lazily for this feature: importing them through this one module makes
// the feature one chunk, fetched the first time one of its pages is opened.
export { CoursesPage } from "./CoursesPage";
export { InsetPage } from "./InsetPage";
export { MatrixPage } from "./MatrixPage";
export { MyTrainingPage } from "./MyTrainingPage";
export { TrainingImportPage } from "./TrainingImportPage";
