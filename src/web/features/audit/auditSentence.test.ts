import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../../modules/access/matrix";
import { AUDIT_EVENT_KINDS } from "../../../modules/audit/schema";
import { SUBJECT_TYPES } from "../../../modules/signing/subject-types";
import cy from "../../i18n/locales/cy.json";
import enGB from "../../i18n/locales/en-GB.json";
import { auditSentence, type SentenceEvent } from "./auditSentence";

/** Every source file outside the web app and the tests: where events are recorded. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "web" ? [] : sourceFiles(file);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [file] : [];
  });
}

/**
 * The kinds of event the code records: every "area.what" string on a line that sets `action:`,
 * and for signing's "${subjectType}.signed" every subject type. A route's `config: { action }`
 * is a permission, not an event: those are the matrix's actions.
 */
function recordedKinds(): Set<string> {
  const permissions = new Set<string>(ACTIONS);
  const kinds = new Set<string>();
  for (const file of sourceFiles(path.resolve("src"))) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const at = line.indexOf("action:");
      if (at < 0) continue;
      const value = line.slice(at);
      for (const m of value.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) if (!permissions.has(m[1])) kinds.add(m[1]);
      for (const m of value.matchAll(/`\$\{[^}]+\}\.([a-z_]+)`/g))
        for (const type of SUBJECT_TYPES) kinds.add(`${type}.${m[1]}`);
    }
  }
  return kinds;
}

type Tree = { [key: string]: string | Tree };
const lookUp = (tree: Tree, key: string) =>
  key
    .split(".")
    .reduce<string | Tree | undefined>(
      (node, part) => (typeof node === "object" ? node[part] : undefined),
      tree,
    );

describe("the audit log in plain words", () => {
  it("has a sentence and a name, in English and Welsh, for every kind of event the code records", () => {
    const recorded = recordedKinds();
    // The grep finds kinds recorded in each way: literal, ternary, signing's template, the CLI.
    for (const kind of [
      "agreement.signed",
      "policy.version_withdrawn",
      "policy.imported",
      "school.demo_loaded",
    ])
      expect(recorded.has(kind), kind).toBe(true);
    const missingFromList = [...recorded].filter((k) => !AUDIT_EVENT_KINDS.includes(k));
    expect(missingFromList, "kinds recorded but not in AUDIT_EVENT_GROUPS (audit/schema.ts)").toEqual([]);
    // And the list names nothing that is never recorded (a filter that can never match).
    expect(AUDIT_EVENT_KINDS.filter((k) => !recorded.has(k))).toEqual([]);
    for (const [language, tree] of [
      ["en-GB", enGB],
      ["cy", cy],
    ] as const) {
      const noSentence = AUDIT_EVENT_KINDS.filter(
        (k) => typeof lookUp(tree as Tree, `audit.events.${k}`) !== "string",
      );
      const noName = AUDIT_EVENT_KINDS.filter(
        (k) => typeof lookUp(tree as Tree, `audit.kinds.${k}`) !== "string",
      );
      expect(noSentence, `audit.events.* missing in ${language}`).toEqual([]);
      expect(noName, `audit.kinds.* missing in ${language}`).toEqual([]);
    }
  });

  describe("sentences", () => {
    const t = i18next.createInstance();
    beforeAll(() =>
      t.init({ lng: "en-GB", resources: { "en-GB": { translation: enGB }, cy: { translation: cy } } }),
    );
    const event = (e: Partial<SentenceEvent> & { action: string }): SentenceEvent => ({
      actorName: "Mrs Jane Smith",
      subject: null,
      forPerson: null,
      summary: {},
      ...e,
    });

    it("says who did what to what, by name", () => {
      expect(
        auditSentence(
          event({ action: "agreement.signed", subject: "Staff Acceptable Use Agreement v1.0" }),
          t.t,
        ),
      ).toBe("Mrs Jane Smith signed Staff Acceptable Use Agreement v1.0");
      expect(
        auditSentence(
          event({ action: "policy.version_approved", subject: "Online Safety Policy v2.1" }),
          t.t,
        ),
      ).toBe("Mrs Jane Smith approved Online Safety Policy v2.1");
      expect(auditSentence(event({ action: "person.updated", subject: "Bryn O'Neill" }), t.t)).toBe(
        "Mrs Jane Smith changed Bryn O'Neill's details",
      );
    });

    it("names the child a parent signed for, and Accord itself for what it did on its own", () => {
      expect(
        auditSentence(
          event({
            action: "agreement.signed",
            actorName: "Owain Abernant",
            subject: "iPad Agreement v1.0",
            forPerson: "Elis Abernant",
            summary: { onBehalfOf: "6f1c8a52-0c1e-4f1e-9a52-3c1e4f1e9a52" },
          }),
          t.t,
        ),
      ).toBe("Owain Abernant signed iPad Agreement v1.0 for Elis Abernant");
      expect(
        auditSentence(
          event({
            action: "agreement.reminder_sent",
            actorName: null,
            subject: "Staff AUA v1.0",
            forPerson: "Nell Ashby",
          }),
          t.t,
        ),
      ).toBe("Accord (automatic) reminded Nell Ashby to sign Staff AUA v1.0");
    });

    it("falls back to the name recorded at the time when the record has gone, and writes Welsh", async () => {
      const started = event({
        action: "policy.version_started",
        summary: { title: "Online Safety", version: "2.0" },
      });
      expect(auditSentence(started, t.t)).toBe("Mrs Jane Smith started version 2.0 of Online Safety");
      await t.changeLanguage("cy");
      expect(auditSentence(event({ action: "agreement.signed", subject: "Cytundeb Staff v1.0" }), t.t)).toBe(
        "Llofnododd Mrs Jane Smith Cytundeb Staff v1.0",
      );
      await t.changeLanguage("en-GB");
    });

    it("still says something for a kind it does not know", () => {
      expect(auditSentence(event({ action: "device.lost" }), t.t)).toBe("Mrs Jane Smith: device.lost");
    });
  });
});
