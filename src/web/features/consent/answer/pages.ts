// The parent's page from an emailed link: its own chunk, so a phone downloads only this.
export { ConsentAnswerPage } from "./ConsentAnswerPage";
