/**
 * Benchmark: a 60-page policy (.docx, ~25,000 words, our own invented text with a few things the
 * health check finds) imported through the API on the embedded database, with the health check
 * and with its listener taken away, and the pure check alone. Reports medians.
 *
 *   npx tsx bench/policy-health.ts [runs=5]
 * The issue's budget: import and check in under 2 s median.
 */
import JSZip from "jszip";
import { openPglite } from "../src/db/client.js";
import { loadConfig } from "../src/kernel/config.js";
import { onVersionWritten } from "../src/modules/policies/service.js";
import { checkText } from "../src/modules/policy-health/check.js";
import { buildApp } from "../src/server/app.js";

const RUNS = Number(process.argv[2] ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const p = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;

const PROSE = [
  "Staff at Elmbrook use school laptops and tablets for teaching, planning and keeping in touch with families.",
  "Passwords are kept private and changed whenever someone thinks another person may have seen one.",
  "Pupils are taught how to recognise an upsetting message and whom to tell about it.",
  "The network manager checks that every device receives its updates before the start of each term.",
  "Visitors are given a guest connection that cannot reach the school's own records.",
];

/** Sixty sections of about 420 words each, with one superseded law, one assumed consent and one reference. */
function policyText() {
  const body = [p("Elmbrook Online Safety Policy", "Heading1")];
  let words = 0;
  for (let s = 1; s <= 60; s++) {
    body.push(p(`Section ${s}: keeping systems safe`, "Heading2"));
    for (let i = 0; i < 14; i++) {
      const sentence = `${PROSE[(s + i) % PROSE.length]} ${PROSE[(s * 3 + i) % PROSE.length]}`;
      body.push(p(sentence));
      words += sentence.split(/\s+/).length;
    }
    if (s === 12) body.push(p("Records are held under the Data Protection Act 1998."));
    if (s === 30) body.push(p("If the slip is not returned, permission will be assumed."));
    if (s === 45) body.push(p("Read this in conjunction with the Elmbrook Behaviour Policy."));
    if (s % 3 === 0) body.push(p(`I will report anything in section ${s} that worries me.`, "ListParagraph"));
  }
  return { xml: body.join(""), words };
}

async function docx(xml: string) {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${xml}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

function multipart(file: Buffer) {
  const boundary = "----accordbench";
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="online-safety.docx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function main() {
  const { xml, words } = policyText();
  const file = await docx(xml);
  const database = await openPglite(undefined);
  await database.migrate();
  const app = await buildApp(
    database,
    loadConfig({ ACCORD_LOG_LEVEL: "silent", ACCORD_PUBLIC_URL: "http://localhost:3000" }),
  );
  await app.ready();
  const setup = await app.inject({
    method: "POST",
    url: "/api/v1/setup",
    payload: {
      school: { name: "Elmbrook Primary" },
      admin: { name: "Bench Head", email: "head@elmbrook.test", password: "lantern-orchard-cobble-77" },
    },
  });
  const cookie = setup.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const { payload, contentType } = multipart(file);
  const importOnce = async () => {
    const started = performance.now();
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/policies/import",
      payload,
      headers: { cookie, origin: "http://localhost:3000", "content-type": contentType },
    });
    const ms = performance.now() - started;
    if (res.statusCode !== 201) throw new Error(`import: ${res.statusCode} ${res.body}`);
    return { ms, id: res.json().policy.id as string };
  };

  await importOnce(); // warm up
  const withCheck: number[] = [];
  let last = "";
  for (let i = 0; i < RUNS; i++) {
    const r = await importOnce();
    withCheck.push(r.ms);
    last = r.id;
  }
  const health = await app.inject({
    method: "GET",
    url: `/api/v1/policies/${last}/health`,
    headers: { cookie },
  });
  const found = health.json().findings.map((f: { ruleKey: string }) => f.ruleKey);

  const listeners = onVersionWritten.splice(0);
  const without: number[] = [];
  for (let i = 0; i < RUNS; i++) without.push((await importOnce()).ms);
  onVersionWritten.push(...listeners);

  const [version] = (
    await app.inject({ method: "GET", url: `/api/v1/policies/${last}`, headers: { cookie } })
  ).json().versions;
  const content = (
    await app.inject({
      method: "GET",
      url: `/api/v1/policies/${last}/versions/${version.id}`,
      headers: { cookie },
    })
  ).json().content as string;
  const pure: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    checkText({ title: "Elmbrook Online Safety Policy", content, country: "england", today: "2026-12-03" });
    pure.push(performance.now() - started);
  }

  console.log(`policy: ${words} words in 60 sections, ${(file.length / 1024).toFixed(0)} KB .docx`);
  console.log(`findings: ${found.join(", ")}`);
  console.log(
    `import with the health check:    median ${median(withCheck).toFixed(0)} ms (${withCheck.map((x) => x.toFixed(0)).join(", ")})`,
  );
  console.log(
    `import without the health check: median ${median(without).toFixed(0)} ms (${without.map((x) => x.toFixed(0)).join(", ")})`,
  );
  console.log(`the check alone (pure):          median ${median(pure).toFixed(1)} ms`);
  await app.close();
  await database.close();
}

await main();
