import { z } from "zod";

export const SetupInput = z.object({
  school: z.object({ name: z.string().trim().min(2, "Enter the school's name.").max(200) }),
  admin: z.object({
    name: z
      .string()
      .trim()
      .min(1, "Enter your name.")
      // One name is enough: not everyone has a family name.
      .max(200),
    email: z.email("Enter a valid email address.").max(254),
    password: z.string().max(1000),
  }),
});
export type SetupInput = z.infer<typeof SetupInput>;
