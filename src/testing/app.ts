import type { FastifyInstance, InjectOptions } from "fastify";
import type { Database } from "../db/client.js";
import { openTestDatabase } from "../db/testing.js";
import { buildApp } from "../server/app.js";

/** The whole app, for tests that build one by hand (module tests never reach into src/server). */
export { buildApp };

import { type Config, loadConfig } from "../kernel/config.js";

export const ORIGIN = "http://localhost:3000";
export const ADMIN = {
  name: "Ada Okafor",
  email: "head@oakfield.test",
  password: "kettle-meadow-lantern-42",
};

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
};

/** A fixed key for secrets kept encrypted (an SSO client secret), so tests write no key file. */
export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString("base64");

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = loadConfig({
    ACCORD_LOG_LEVEL: "silent",
    ACCORD_PUBLIC_URL: ORIGIN,
    ACCORD_SECRET_KEY: TEST_SECRET_KEY,
    ...env,
  });
  const app = await buildApp(database, config);
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A browser-like caller: sends the session cookie and our Origin, as the web app would. */
export class Browser {
  cookie: string | null = null;
  /** Where it connects from and what it says it is (sign-in history, new-device emails, per-IP limits). */
  remoteAddress?: string;
  userAgent?: string;
  constructor(readonly app: FastifyInstance) {}

  async request(
    method: InjectOptions["method"],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await this.app.inject({
      method,
      url,
      payload: payload as InjectOptions["payload"],
      headers: {
        origin: ORIGIN,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.userAgent ? { "user-agent": this.userAgent } : {}),
        ...headers,
      },
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
    });
    const set = res.cookies.find((c) => c.name.endsWith("accord_session"));
    if (set) this.cookie = set.value ? `${set.name}=${set.value}` : null;
    return res;
  }
  get = (url: string) => this.request("GET", url);
  post = (url: string, body?: unknown) => this.request("POST", url, body ?? {});
  patch = (url: string, body: unknown) => this.request("PATCH", url, body);
  put = (url: string, body: unknown) => this.request("PUT", url, body);
  delete = (url: string) => this.request("DELETE", url);

  async signIn(email: string, password: string) {
    const res = await this.post("/api/v1/auth/login", { email, password });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    return this;
  }
}

/** Run first-time setup and return a browser signed in as the headteacher/admin it creates. */
export async function setUpSchool(app: FastifyInstance, schoolName = "Oakfield Primary School") {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/setup",
    payload: { school: { name: schoolName }, admin: ADMIN },
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  const admin = await new Browser(app).signIn(ADMIN.email, ADMIN.password);
  return { admin, schoolId: res.json().school.id as string, adminId: res.json().person.id as string };
}
