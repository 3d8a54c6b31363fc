import { Box, Button, Group, Input, Text } from "@mantine/core";
import { type PointerEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

const WIDTH = 600;
const HEIGHT = 200;

interface SignaturePadProps {
  /** The drawing as a PNG data URL once a stroke ends; null when it is cleared. */
  onChange: (png: string | null) => void;
  /** What to draw with, in the words of the place it is used (a desk, or a shared tablet). */
  hint: string;
  /** Said once something is drawn, e.g. where the drawing will go. */
  drawnNote?: string;
  /** "xl" on a shared kiosk or class device: larger type and buttons for fingers. */
  size?: "md" | "xl";
}

/**
 * An optional drawn signature: mouse, finger or stylus (pointer events). The typed name is the
 * signature, so nobody needs this to sign: it takes no keyboard focus, and keyboard users go
 * straight past it. Screen readers hear whether something is drawn.
 */
export function SignaturePad({ onChange, hint, drawnNote, size = "md" }: SignaturePadProps) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [drawn, setDrawn] = useState(false);
  const id = useId();

  // The canvas is drawn at a fixed size and shown at the width available: scale the pointer.
  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * WIDTH) / box.width,
      y: ((event.clientY - box.top) * HEIGHT) / box.height,
    };
  };

  const start = (event: PointerEvent<HTMLCanvasElement>) => {
    const ctx = event.currentTarget.getContext("2d");
    if (!ctx) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const { x, y } = point(event);
    ctx.lineWidth = 3;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#1a1b1e";
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 0.1, y + 0.1);
    ctx.stroke();
  };

  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = event.currentTarget.getContext("2d");
    const { x, y } = point(event);
    ctx?.lineTo(x, y);
    ctx?.stroke();
  };

  const end = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    setDrawn(true);
    onChange(event.currentTarget.toDataURL("image/png"));
  };

  const clear = () => {
    canvasRef.current?.getContext("2d")?.clearRect(0, 0, WIDTH, HEIGHT);
    setDrawn(false);
    onChange(null);
  };

  return (
    <Input.Wrapper id={id} label={t("signaturePad.label")} labelElement="div" description={hint} size={size}>
      <Box mt="xs">
        <canvas
          ref={canvasRef}
          width={WIDTH}
          height={HEIGHT}
          role="img"
          aria-label={drawn ? t("signaturePad.drawn") : t("signaturePad.empty")}
          aria-describedby={`${id}-description`}
          onPointerDown={start}
          onPointerMove={move}
          onPointerUp={end}
          onPointerCancel={end}
          style={{
            display: "block",
            width: "100%",
            maxWidth: WIDTH,
            height: "auto",
            aspectRatio: `${WIDTH} / ${HEIGHT}`,
            touchAction: "none",
            background: "white",
            border: "2px dashed var(--mantine-color-gray-6)",
            borderRadius: `var(--mantine-radius-${size === "xl" ? "md" : "sm"})`,
            cursor: "crosshair",
          }}
        />
        <Group mt="xs" gap="sm">
          <Button
            variant="default"
            size={size === "xl" ? "lg" : "compact-sm"}
            onClick={clear}
            disabled={!drawn}
          >
            {t("signaturePad.clear")}
          </Button>
          {drawnNote && (
            <Text size="sm" c="dimmed" role="status">
              {drawn ? drawnNote : ""}
            </Text>
          )}
        </Group>
      </Box>
    </Input.Wrapper>
  );
}
