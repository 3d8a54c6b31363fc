import path from "node:path";
import { z } from "zod";

/**
 * One typed config, read from the environment once at start. A bad value stops the
 * process with a message naming the variable, rather than failing later mid-request.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  ACCORD_DATA_DIR: z.string().default("./data"),
  ACCORD_PUBLIC_URL: z.string().url().optional(),
  ACCORD_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  ACCORD_MAIL_FROM: z.string().default("Accord <no-reply@accord.invalid>"),
  ACCORD_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  ACCORD_SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  ACCORD_LOGIN_LIMIT_PER_IP: z.coerce.number().int().positive().default(30),
  // Seals secrets kept at rest (authenticator apps' keys): 32 bytes, base64. Unset: a key file is
  // made once in ACCORD_DATA_DIR (secret.key). Keep it with, but apart from, the backups.
  ACCORD_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes in base64")
    .optional(),
  ACCORD_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: "pglite"; dataDir: string } | { kind: "postgresql"; url: string };
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  session: { idleMinutes: number; maxHours: number };
  loginLimitPerIpPerMinute: number;
  logLevel: string;
  /** The key that seals secrets at rest: given, or kept in this file (made on first use). */
  secretKey: { key: Buffer } | { file: string };
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Accord cannot start: bad environment variable\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: "postgresql", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: path.resolve(e.ACCORD_DATA_DIR) },
    publicUrl: (e.ACCORD_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    smtpUrl: e.ACCORD_SMTP_URL ?? null,
    mailFrom: e.ACCORD_MAIL_FROM,
    session: { idleMinutes: e.ACCORD_SESSION_IDLE_MINUTES, maxHours: e.ACCORD_SESSION_MAX_HOURS },
    loginLimitPerIpPerMinute: e.ACCORD_LOGIN_LIMIT_PER_IP,
    logLevel: e.ACCORD_LOG_LEVEL,
    secretKey: e.ACCORD_SECRET_KEY
      ? { key: Buffer.from(e.ACCORD_SECRET_KEY, "base64") }
      : { file: path.join(path.resolve(e.ACCORD_DATA_DIR), "secret.key") },
  };
}

/** Whether mail queued now is sent ("smtp") or waits in the outbox for an admin ("outbox"). */
export const mailDelivery = (config: Pick<Config, "smtpUrl">) =>
  config.smtpUrl ? ("smtp" as const) : ("outbox" as const);
