import { z } from "zod";

/** A yes/no query parameter (`?dryRun=true`): "true" or "false", false when left out. */
export const flag = z
  .enum(["true", "false"], { message: "Use true or false." })
  .default("false")
  .transform((v) => v === "true");

/** `?dryRun=true`: work out what would happen, change nothing. */
export const DryRunQuery = z.object({ dryRun: flag });
