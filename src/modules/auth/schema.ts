import { z } from "zod";

export const LoginInput = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(1000),
});
export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(1000),
  newPassword: z.string().max(1000),
});
export const AcceptInvitationInput = z.object({ password: z.string().max(1000) });
export const TokenParams = z.object({ token: z.string().min(10).max(200) });
export const ApiTokenInput = z.object({ name: z.string().trim().min(1, "Give the token a name.").max(100) });
