// The API's own contracts (filtering/schema.ts): the web app takes them from there instead of keeping copies.
export {
  type ActionInput,
  type ActionView,
  CHECKS as checks,
  type CheckKey,
  type MyActionsView,
  type ResponsiblesInput,
  type ResponsiblesView,
  type ReviewInput,
  type ReviewListView,
  type ReviewView,
  type StatusView,
  TRIGGERS as triggers,
  type Trigger,
} from "../../../modules/filtering/schema";
