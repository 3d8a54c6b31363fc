import { Box, Button, Group, Input, Text } from "@mantine/core";
import { type PointerEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

const WIDTH = 600;
const HEIGHT = 200;

/**
 * An optional drawn signature: mouse, finger or stylus (pointer events). It is never required,
 * so it takes no keyboard focus; keyboard users go straight past it to the Sign button.
 */
export function SignaturePad({ onChange }: { onChange: (png: string | null) => void }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [drawn, setDrawn] = useState(false);

  const context = () => {
    const ctx = canvasRef.current?.getContext("2d");
    if (ctx) {
      ctx.lineWidth = 3;
      ctx.lineCap = "round";
      ctx.lineJoin = "round";
      ctx.strokeStyle = "#1a1b1e";
    }
    return ctx;
  };

  // The canvas is drawn at a fixed size and shown at the width available: scale the pointer.
  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) * WIDTH) / rect.width,
      y: ((event.clientY - rect.top) * HEIGHT) / rect.height,
    };
  };

  const start = (event: PointerEvent<HTMLCanvasElement>) => {
    const ctx = context();
    if (!ctx) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const { x, y } = point(event);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 0.1, y + 0.1);
    ctx.stroke();
  };

  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = context();
    if (!ctx) return;
    const { x, y } = point(event);
    ctx.lineTo(x, y);
    ctx.stroke();
  };

  const end = () => {
    if (!drawing.current) return;
    drawing.current = false;
    setDrawn(true);
    onChange(canvasRef.current?.toDataURL("image/png") ?? null);
  };

  const clear = () => {
    const canvas = canvasRef.current;
    canvas?.getContext("2d")?.clearRect(0, 0, WIDTH, HEIGHT);
    setDrawn(false);
    onChange(null);
  };

  return (
    <Input.Wrapper
      label={t("agreements.sign.drawLabel")}
      labelElement="div"
      description={t("agreements.sign.drawHint")}
    >
      <Box mt="xs">
        <canvas
          ref={canvasRef}
          width={WIDTH}
          height={HEIGHT}
          aria-hidden
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
            border: "2px dashed var(--mantine-color-gray-5)",
            borderRadius: "var(--mantine-radius-sm)",
            cursor: "crosshair",
          }}
        />
        <Group mt="xs" gap="sm">
          <Button variant="default" size="compact-sm" onClick={clear} disabled={!drawn}>
            {t("agreements.sign.clearDrawing")}
          </Button>
          <Text size="sm" c="dimmed" role="status">
            {drawn ? t("agreements.sign.drawn") : ""}
          </Text>
        </Group>
      </Box>
    </Input.Wrapper>
  );
}
