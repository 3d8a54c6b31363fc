/**
 * Bytes of an uploaded .txt/.md file → text. Schools' files come as UTF-8 (with or without BOM),
 * Windows-1252 from older Windows tools, or UTF-16 from Notepad's "Unicode" option.
 */
import iconv from "iconv-lite";
import { msg } from "../../../kernel/i18n/index.js";
import { UnreadablePolicyError } from "./errors.js";

export const NOT_TEXT = msg`This file doesn't contain readable text (it looks like a binary file): save the policy as .docx, .md or .txt and try again.`;

export function decodeText(bytes: Buffer): string {
  refuseOtherFormats(bytes);
  const utf16 = utf16Encoding(bytes);
  if (utf16) return iconv.decode(bytes, utf16);
  if (bytes.includes(0)) throw new UnreadablePolicyError(NOT_TEXT);
  const text = decodeUtf8OrWindows1252(bytes);
  if (!looksLikeText(text)) throw new UnreadablePolicyError(NOT_TEXT);
  return text;
}

/** A renamed PDF or Word file gets a message that says what it really is. */
function refuseOtherFormats(bytes: Buffer): void {
  const start = bytes.subarray(0, 8).toString("latin1");
  if (start.startsWith("%PDF"))
    throw new UnreadablePolicyError(
      msg`This file is a PDF, and PDF files can't be imported yet: save it as .docx, .md or .txt.`,
    );
  if (start.startsWith("PK\x03\x04"))
    throw new UnreadablePolicyError(
      msg`This file looks like a Word (.docx) document with the wrong name: rename it to end in .docx and try again.`,
    );
  if (start.startsWith("\xD0\xCF\x11\xE0"))
    throw new UnreadablePolicyError(
      msg`This file is in the old Word (.doc) format, which can't be imported: save it as .docx and try again.`,
    );
}

function utf16Encoding(bytes: Buffer): "utf16-le" | "utf16-be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf16-le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf16-be";
  // Without a BOM, English text in UTF-16 has a zero in every other byte.
  const sample = bytes.subarray(0, 2000);
  if (sample.length < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? oddZeros++ : evenZeros++;
  const half = sample.length / 2;
  if (oddZeros > half * 0.8 && evenZeros < half * 0.05) return "utf16-le";
  if (evenZeros > half * 0.8 && oddZeros < half * 0.05) return "utf16-be";
  return null;
}

function decodeUtf8OrWindows1252(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(bytes, "win1252");
  }
}

/** Text is mostly letters and spaces with almost no control characters. */
function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 20000);
  const controls = [...sample].filter(isControlCharacter).length;
  const visible = sample.replace(/\s/g, "");
  const letters = visible.match(/\p{L}/gu)?.length ?? 0;
  return controls <= sample.length * 0.01 && (visible.length === 0 || letters >= visible.length * 0.4);
}

/** Control characters other than tab, line breaks and form feed; and the replacement character. */
function isControlCharacter(char: string): boolean {
  const code = char.charCodeAt(0);
  return (
    (code < 0x20 && !(code >= 0x09 && code <= 0x0d)) || (code >= 0x7f && code <= 0x9f) || code === 0xfffd
  );
}
