import { Typography } from "@mantine/core";

/**
 * The document's own headings start at h1; on a page that already has its h1 and h2 section
 * headings, they move down two levels (h1 → h3 … h6 stays h6) to keep one h1 and a sound outline.
 */
function nestHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/gi, (_, slash: string, level: string) => {
    return `<${slash}h${Math.min(6, Number(level) + 2)}`;
  });
}

/**
 * The policy's text as the server rendered it from Markdown. The server sanitises the HTML, so
 * it is safe to insert; Typography gives headings, lists and tables their usual styles.
 */
export function PolicyText({ html }: { html: string }) {
  return (
    <Typography style={{ overflowWrap: "anywhere" }}>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server */}
      <div dangerouslySetInnerHTML={{ __html: nestHeadings(html) }} />
    </Typography>
  );
}
