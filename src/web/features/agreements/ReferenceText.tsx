import { Code } from "@mantine/core";

/** A verification reference, large enough to read aloud or copy from a phone. */
export function ReferenceText({ reference }: { reference: string }) {
  return (
    <Code
      fz="lg"
      fw={600}
      style={{ letterSpacing: "0.05em", overflowWrap: "anywhere", whiteSpace: "normal" }}
    >
      {reference}
    </Code>
  );
}
