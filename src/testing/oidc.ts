/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1, for the SSO tests: real discovery,
 * keys, authorization codes, PKCE and signed ID tokens. The test says who signs in next (their
 * claims); the provider's login and consent screens are answered at once for that person. To
 * prove Accord refuses a bad ID token, `tamper` rewrites the token the provider issues and signs
 * it again with the provider's own key (a wrong audience, an expiry in the past).
 */
import { createPrivateKey, generateKeyPairSync, sign } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

export type Person = { sub: string; amr?: string[] } & Record<string, unknown>;

export type TestIdp = {
  issuer: string;
  clients: { id: string; secret: string }[];
  /** Who signs in at the provider next, and the claims it vouches for. */
  signInAs(person: Person): void;
  /** Rewrite the next ID tokens' payloads (re-signed with the provider's key); null to stop. */
  tamper: ((payload: Record<string, unknown>) => Record<string, unknown>) | null;
  /**
   * Follow a browser from Accord's redirect through the provider (login and consent answered at
   * once) to the callback address it sends the browser back to: path and query on Accord's side.
   */
  authorize(url: string): Promise<string>;
  close(): Promise<void>;
};

const b64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

export async function startTestIdp(redirectUri: string): Promise<TestIdp> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" };
  const clients = [
    { id: "accord-google", secret: "google-client-secret-for-tests" },
    { id: "accord-microsoft", secret: "microsoft-client-secret-for-tests" },
  ];
  let next: Person = { sub: "nobody" };
  const accounts = new Map<string, Person>();

  const configuration: Configuration = {
    clients: clients.map((c) => ({
      client_id: c.id,
      client_secret: c.secret,
      redirect_uris: [redirectUri],
      token_endpoint_auth_method: "client_secret_post",
    })),
    jwks: { keys: [jwk as never] },
    cookies: { keys: ["cookie-key-for-tests-only"] },
    claims: {
      // amr with the openid scope, as Entra ID sends it whenever it is known.
      openid: ["sub", "tid", "amr"],
      email: ["email", "email_verified"],
      profile: ["name", "preferred_username"],
    },
    // Google and Entra ID put the email claims in the ID token itself, as Accord reads them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const person = accounts.get(id);
      if (!person) return undefined;
      const { amr: _amr, ...claims } = person;
      return { accountId: id, claims: () => ({ ...claims, sub: id }) };
    },
  };

  let issuer = "";
  let provider!: Provider;
  const idp: TestIdp = {
    issuer: "",
    clients,
    signInAs(person) {
      next = person;
      accounts.set(person.sub, person);
    },
    tamper: null,
    async authorize(url) {
      // The provider's own cookies (its interaction and session), as a browser keeps them.
      const jar = new Map<string, string>();
      let location = url;
      for (let hop = 0; hop < 10; hop++) {
        if (location.startsWith(redirectUri)) return location.slice(new URL(redirectUri).origin.length);
        const res = await fetch(new URL(location, issuer), {
          redirect: "manual",
          headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
        });
        for (const c of res.headers.getSetCookie()) {
          const [pair] = c.split(";");
          const [name, ...value] = pair.split("=");
          jar.set(name.trim(), value.join("="));
        }
        const to = res.headers.get("location");
        if (!to) throw new Error(`the provider answered ${res.status}: ${await res.text()}`);
        location = new URL(to, issuer).href;
      }
      throw new Error("too many redirects at the provider");
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = http.createServer(async (req, res) => {
    try {
      if (req.url?.startsWith("/interaction/")) {
        const details = await provider.interactionDetails(req, res);
        const grant = new provider.Grant({ accountId: next.sub, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: next.sub, amr: next.amr }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      provider.callback()(req, res);
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  idp.issuer = issuer;
  provider = new Provider(issuer, configuration);

  // After the token endpoint answers: the test's rewrite of the ID token, signed with the same key.
  const key = createPrivateKey({ key: jwk as never, format: "jwk" });
  provider.use(async (ctx, nextMiddleware) => {
    await nextMiddleware();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== "/token" || !idp.tamper || !body?.id_token) return;
    const [header, payload] = body.id_token.split(".");
    const rewritten = idp.tamper(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    const signingInput = `${header}.${b64url(JSON.stringify(rewritten))}`;
    body.id_token = `${signingInput}.${b64url(sign("sha256", Buffer.from(signingInput), key))}`;
  });
  return idp;
}
