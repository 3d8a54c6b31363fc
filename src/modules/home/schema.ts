import { z } from "zod";

// --- Responses

/**
 * One thing that needs the signed-in person now. `key` names the message (the web app holds its
 * words, in English and Welsh) and `params` fill it in; `href` is where to act on it.
 */
export const AttentionItemView = z.object({
  key: z.string(),
  params: z.record(z.string(), z.unknown()),
  href: z.string().nullable(),
  severity: z.enum(["info", "warning"]),
});
export type AttentionItemView = z.infer<typeof AttentionItemView>;

export const HomeView = z.object({ attention: z.array(AttentionItemView) });
export type HomeView = z.infer<typeof HomeView>;
