/**
 * A PDF/UA-1 (ISO 14289-1) check for the machine-checkable rules of the Matterhorn Protocol that
 * matter for Accord's documents, read with pdfjs (Mozilla's PDF reader). veraPDF, the reference
 * validator, needs Java and Maven Central, which these machines cannot reach. What this checks is
 * listed in CHECKS; what it cannot check (reading order that makes sense, alternative text that
 * says the right thing, colour contrast, whether a heading is really a heading) needs a person with
 * a screen reader, as docs/ACCESSIBILITY.md says.
 */
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

export const CHECKS = [
  "MarkInfo /Marked is true and no /Suspects (Matterhorn 01-001, 01-002)",
  "the XMP metadata says pdfuaid:part 1 and has a dc:title (06-001, 06-002, 06-003)",
  "the document has a Title and DisplayDocTitle is true (07-001, 07-002)",
  "the document's language (/Lang) is set (11-001)",
  "every page has a structure tree and every MCID it draws is in it (01-005)",
  "everything drawn (text, paths, images) is inside tagged content or an Artifact (01-001, 01-003)",
  "the tree has headings, the first is H1 and no level is skipped (14-002, 14-003)",
  "every Figure has alternative text (13-004)",
  "table rows sit in a Table and cells in a row (15 / ISO 32000 14.8.4.3)",
  "every annotation is in the structure tree (28-002)",
  "every font used is embedded (31-001)",
] as const;

type Node = { role?: string; alt?: string; children?: Node[]; type?: string; id?: string };

/** A paint operator: whatever puts ink on the page must be tagged or an artifact. */
const PAINT = new Set<number>(
  [
    OPS.showText,
    OPS.showSpacedText,
    OPS.nextLineShowText,
    OPS.nextLineSetSpacingShowText,
    OPS.fill,
    OPS.eoFill,
    OPS.stroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
    OPS.shadingFill,
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintXObject,
    OPS.paintFormXObjectBegin,
  ].filter((op): op is number => typeof op === "number"),
);

const PAINTING_PATH_OPS = new Set<number>([
  OPS.fill,
  OPS.eoFill,
  OPS.stroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);

export type PdfUaReport = { ok: boolean; failures: string[]; roles: string[] };

/** Checks a PDF against the rules in CHECKS; `failures` names each broken rule and where. */
export async function checkPdfUa(pdf: Uint8Array): Promise<PdfUaReport> {
  const failures: string[] = [];
  const fail = (rule: string) => failures.push(rule);
  const task = getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0, // errors only: a standard font not embedded is reported as a failure, not a warning
  });
  const doc = await task.promise;
  const roles: string[] = [];
  try {
    const markInfo = (await doc.getMarkInfo()) as { Marked?: boolean; Suspects?: boolean } | null;
    if (!markInfo?.Marked) fail("01-001: the catalog's MarkInfo does not say Marked true (not a tagged PDF)");
    if (markInfo?.Suspects) fail("01-002: MarkInfo says Suspects true");

    const { info, metadata } = (await doc.getMetadata()) as {
      info: { Title?: string; Language?: string };
      metadata: { getRaw(): string } | null;
    };
    const xmp = metadata?.getRaw() ?? "";
    if (!xmp) fail("06-001: no XMP metadata stream");
    else {
      if (!/<pdfuaid:part>\s*1\s*<\/pdfuaid:part>|pdfuaid:part="1"/.test(xmp))
        fail("06-002: the XMP metadata does not say pdfuaid:part 1");
      if (!/<dc:title>[\s\S]*?\S[\s\S]*?<\/dc:title>/.test(xmp))
        fail("06-003: the XMP metadata has no dc:title");
    }
    if (!info.Title?.trim()) fail("07-002: the document has no Title");
    const prefs = (await doc.getViewerPreferences()) as { DisplayDocTitle?: boolean } | null;
    if (prefs?.DisplayDocTitle !== true) fail("07-001: ViewerPreferences DisplayDocTitle is not true");
    if (!info.Language?.trim()) fail("11-001: the document's language (/Lang) is not set");

    const headings: number[] = [];
    const fontIds = new Set<string>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const tree = (await page.getStructTree()) as Node | null;
      const inTree = new Set<string>();
      if (!tree) fail(`01-005: page ${n} has no structure tree`);
      else
        walk(tree, null, (node, parent) => {
          if (node.type === "content" && node.id) inTree.add(node.id.replace(/^.*_mc/, ""));
          const role = node.role;
          if (!role || role === "Root") return;
          roles.push(role);
          const level = /^H([1-6])$/.exec(role);
          if (level) headings.push(Number(level[1]));
          if (role === "Figure" && !node.alt?.trim())
            fail(`13-004: a Figure on page ${n} has no alternative text`);
          if (role === "TR" && !["Table", "THead", "TBody", "TFoot"].includes(parent ?? ""))
            fail(`15: a TR on page ${n} is inside ${parent}, not a Table`);
          if ((role === "TH" || role === "TD") && parent !== "TR")
            fail(`15: a ${role} on page ${n} is inside ${parent}, not a TR`);
        });

      const ops = await page.getOperatorList();
      // The stack of open marked content: an MCID (tagged content), "Artifact", or null (other tags).
      const open: (number | "Artifact" | null)[] = [];
      let untagged = 0;
      const used = new Set<string>();
      ops.fnArray.forEach((fn, i) => {
        const args = ops.argsArray[i] as unknown[] | null;
        if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) {
          const tag = String(args?.[0] ?? "");
          const mcid = fn === OPS.beginMarkedContentProps && typeof args?.[1] === "number" ? args[1] : null;
          open.push(tag === "Artifact" ? "Artifact" : mcid);
          if (mcid !== null) used.add(String(mcid));
          return;
        }
        if (fn === OPS.endMarkedContent) {
          open.pop();
          return;
        }
        if (fn === OPS.setFont && typeof args?.[0] === "string") fontIds.add(args[0]);
        const paints =
          PAINT.has(fn) ||
          (fn === OPS.constructPath && typeof args?.[0] === "number" && PAINTING_PATH_OPS.has(args[0]));
        if (paints && !open.some((m) => m !== null)) untagged++;
      });
      if (untagged > 0)
        fail(`01-001: page ${n} draws ${untagged} thing(s) outside tagged content and outside any Artifact`);
      const orphans = [...used].filter((id) => !inTree.has(id));
      if (orphans.length > 0)
        fail(`01-005: page ${n} tags content (MCID ${orphans.join(", ")}) that no structure element holds`);

      const annotations = (await page.getAnnotations()) as { subtype: string; structParent?: number }[];
      for (const a of annotations)
        if (a.subtype !== "Popup" && !(typeof a.structParent === "number" && a.structParent >= 0))
          fail(`28-002: a ${a.subtype} annotation on page ${n} is not in the structure tree`);

      for (const id of fontIds) {
        const font = (await new Promise((resolve) => page.commonObjs.get(id, resolve))) as {
          name?: string;
          missingFile?: boolean;
        };
        if (font?.missingFile) fail(`31-001: the font ${font.name ?? id} on page ${n} is not embedded`);
      }
      fontIds.clear();
    }

    if (headings.length === 0) fail("14-002: the document has no headings");
    else {
      if (headings[0] !== 1) fail(`14-002: the first heading is H${headings[0]}, not H1`);
      headings.forEach((h, i) => {
        if (i > 0 && h > headings[i - 1] + 1) fail(`14-003: an H${h} follows an H${headings[i - 1]}`);
      });
    }
  } finally {
    await doc.destroy();
  }
  return { ok: failures.length === 0, failures: [...new Set(failures)], roles };
}

function walk(node: Node, parent: string | null, visit: (node: Node, parent: string | null) => void) {
  visit(node, parent);
  for (const child of node.children ?? []) walk(child, node.role ?? parent, visit);
}
