// The API's own contracts (requests/schema.ts): the web app takes them from there instead of keeping copies.
import type { z } from "zod";
import type {
  DecisionInput as DecisionInputSchema,
  ServiceInput as ServiceInputSchema,
  SocialAccountInput as SocialAccountInputSchema,
  TypeInput as TypeInputSchema,
} from "../../../modules/requests/schema";

export {
  ACCOUNT_WARNINGS as accountWarnings,
  type PermissionView,
  QUESTION_KINDS as questionKinds,
  type Question,
  type RegisterView,
  type RequestListView,
  type RequestStatus,
  type RequestSummaryView,
  type RequestView,
  type ServicePatch,
  type ServiceView,
  type SocialAccountPatch,
  type SocialAccountView,
  type TypePatch,
  type TypeView,
} from "../../../modules/requests/schema";

export type DecisionInput = z.input<typeof DecisionInputSchema>;
export type ServiceInput = z.input<typeof ServiceInputSchema>;
export type SocialAccountInput = z.input<typeof SocialAccountInputSchema>;
export type TypeInput = z.input<typeof TypeInputSchema>;
