import { deflateSync } from "node:zlib";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { formatLondonDateTime, type ReceiptData, renderReceiptPdf } from "./pdf.js";

const hash = "3f7a9c0d5e2b41f8a6c3d9e07b15f2a48c6e0d9b7a3f51c2e8d4b6a09f1c7e35";

function receipt(overrides: Partial<ReceiptData> = {}): ReceiptData {
  return {
    schoolName: "Ysgol Gynradd Llanfair",
    agreementTitle: "Cytundeb defnydd derbyniol — staff",
    policyTitle: "Polisi diogelwch ar-lein",
    versionNumber: "2.9",
    statements: Array.from({ length: 40 }, (_, i) =>
      i % 5 === 0
        ? `Statement ${i + 1}: I will use school systems only for work, and I will tell the designated safeguarding lead straight away about anything that worries me, even when it happens outside school hours or on a personal device.`
        : `Statement ${i + 1}: I will follow this rule.`,
    ),
    declaration: "Rwy'n deall y rheolau ac yn cytuno i'w dilyn: ŵyr a ŷd, bob dydd.",
    fields: [
      { label: "Full name", value: "Siôn Llŷr" },
      { label: "Job title", value: "Athro dosbarth" },
    ],
    choices: [{ label: "My photo may be used for professional purposes", answer: "I agree" }],
    signedAt: new Date("2026-11-27T09:41:00.000Z"),
    authenticatedBy: "Password sign-in",
    textSha256: hash,
    signatureId: "5b1f0c7e-3a52-4d7e-9d1e-0d6f1c2a9e11",
    verificationReference: "7K3M-Q9XZ-4T2B-HV8N-1R6D",
    verifyUrl: "https://accord.example.sch.uk/verify",
    ...overrides,
  };
}

/** A tiny valid PNG (RGB, 8-bit), built by hand: signature, IHDR, IDAT (zlib), IEND. */
function tinyPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 255); // filter byte 0 then white pixels
    row[0] = 0;
    // a dark diagonal stroke, like a pen line
    for (let x = 0; x < width; x++) {
      if (Math.abs(x - y * (width / height)) < 2) row.fill(30, 1 + x * 3, 4 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("formatLondonDateTime", () => {
  it("shows GMT in winter and BST in summer", () => {
    expect(formatLondonDateTime(new Date("2026-11-27T09:41:00Z"))).toBe(
      "Friday 27 November 2026 at 09:41 (UK time)",
    );
    expect(formatLondonDateTime(new Date("2026-07-01T23:30:00Z"))).toBe(
      "Thursday 2 July 2026 at 00:30 (UK time)",
    );
  });
});

describe("renderReceiptPdf", () => {
  let pdf: Buffer;
  let text: string;
  let total: number;
  let info: Record<string, unknown> | undefined;

  beforeAll(async () => {
    pdf = await renderReceiptPdf(receipt());
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const result = await parser.getText();
      text = result.text;
      total = result.total;
      info = (await parser.getInfo()).info as Record<string, unknown> | undefined;
    } finally {
      await parser.destroy();
    }
  });

  it("is a PDF", () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("contains the school, the agreement and the statements", () => {
    expect(text).toContain("Signed agreement — receipt");
    expect(text).toContain("Ysgol Gynradd Llanfair");
    expect(text).toContain("Keep this receipt: it is your own copy of what you agreed.");
    expect(text).toContain("Cytundeb defnydd derbyniol — staff");
    for (const n of [2, 17, 39, 40]) expect(text).toContain(`Statement ${n}: I will follow this rule.`);
  });

  it("keeps Welsh letters intact", () => {
    expect(text).toContain("Rwy'n deall y rheolau ac yn cytuno i'w dilyn: ŵyr a ŷd, bob dydd.");
    expect(text).toContain("Siôn Llŷr");
  });

  it("shows when (UK time) and how the signer was identified", () => {
    expect(text).toContain("Friday 27 November 2026 at 09:41 (UK time)");
    expect(text).toContain("Password sign-in");
  });

  it("carries the evidence: full hash, signature id, reference and where to check", () => {
    expect(text.replace(/\s+/g, "")).toContain(hash);
    expect(text).toContain("5b1f0c7e-3a52-4d7e-9d1e-0d6f1c2a9e11");
    expect(text).toContain("7K3M-Q9XZ-4T2B-HV8N-1R6D");
    expect(text).toContain("Check this receipt at https://accord.example.sch.uk/verify");
  });

  it("spans pages, numbering each one", () => {
    expect(total).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= total; page++) expect(text).toContain(`Page ${page} of ${total}`);
  });

  it("sets the document metadata", () => {
    expect(info?.Title).toBe("Cytundeb defnydd derbyniol — staff — signed agreement receipt");
    expect(info?.Author).toBe("Ysgol Gynradd Llanfair");
    expect(String(info?.CreationDate)).toMatch(/^D:20261127094100/);
  });

  it("renders the same bytes for the same receipt", async () => {
    expect((await renderReceiptPdf(receipt())).equals(pdf)).toBe(true);
  });

  it("shows the typed name when there is no drawn signature, and embeds no image", async () => {
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const images = await parser.getImage({ imageThreshold: 0 });
      expect(images.pages.flatMap((p) => p.images)).toHaveLength(0);
    } finally {
      await parser.destroy();
    }
    expect(text).toMatch(/Signature \(typed\)\s+Siôn Llŷr/);
  });

  it("embeds a drawn signature PNG", async () => {
    const png = tinyPng(60, 20);
    const withImage = await renderReceiptPdf(
      receipt({ statements: ["One short statement."], signatureImagePng: png }),
    );
    const parser = new PDFParse({ data: new Uint8Array(withImage) });
    try {
      const images = await parser.getImage({ imageThreshold: 0 });
      const all = images.pages.flatMap((p) => p.images);
      expect(all).toHaveLength(1);
      expect(all[0].width).toBe(60);
      expect(all[0].height).toBe(20);
      const { text: imageText, total: pages } = await parser.getText();
      expect(pages).toBe(1);
      expect(imageText).toContain("Signature (drawn)");
      expect(imageText).toContain("Page 1 of 1");
    } finally {
      await parser.destroy();
    }
  });

  it("refuses a signature image that is not a PNG", async () => {
    await expect(renderReceiptPdf(receipt({ signatureImagePng: Buffer.from("GIF89a") }))).rejects.toThrow(
      /not a PNG/,
    );
  });
});
