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
  /** 32 random bytes, base64: encrypts secrets kept in the database (an SSO client secret). */
  ACCORD_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 random bytes, base64-encoded")
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
  /**
   * The key that encrypts secrets at rest: ACCORD_SECRET_KEY, or else a key kept in `keyFile`
   * (made on first use), so one machine runs with no set-up. Several servers need the variable.
   */
  secretKey: Buffer | null;
  keyFile: string;
  /**
   * Let SSO issuers be plain http. Only tests set it, on the config object, for their provider on
   * 127.0.0.1 (decision 031); no environment variable reaches it.
   */
  allowHttpSsoIssuers: boolean;
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
    secretKey: e.ACCORD_SECRET_KEY ? Buffer.from(e.ACCORD_SECRET_KEY, "base64") : null,
    keyFile: path.resolve(e.ACCORD_DATA_DIR, "secret.key"),
    allowHttpSsoIssuers: false,
  };
}

/** Whether mail queued now is sent ("smtp") or waits in the outbox for an admin ("outbox"). */
export const mailDelivery = (config: Pick<Config, "smtpUrl">) =>
  config.smtpUrl ? ("smtp" as const) : ("outbox" as const);
