import { Box, Button, Group, Text } from "@mantine/core";
import { type PointerEvent, useId, useRef } from "react";
import { useTranslation } from "react-i18next";

const WIDTH = 600;
const HEIGHT = 200;

/**
 * An optional drawn signature (finger, stylus or mouse). The typed name is the signature, so
 * nobody needs this to sign, and keyboard-only signing works without it.
 */
export function DrawnSignature({ value, onChange }: { value: string; onChange: (image: string) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const hintId = useId();

  const at = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return [
      ((event.clientX - box.left) * WIDTH) / box.width,
      ((event.clientY - box.top) * HEIGHT) / box.height,
    ];
  };
  const down = (event: PointerEvent<HTMLCanvasElement>) => {
    const ctx = event.currentTarget.getContext("2d");
    if (!ctx) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const [x, y] = at(event);
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
    const [x, y] = at(event);
    ctx?.lineTo(x, y);
    ctx?.stroke();
  };
  const up = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    onChange(event.currentTarget.toDataURL("image/png"));
  };
  const clear = () => {
    canvas.current?.getContext("2d")?.clearRect(0, 0, WIDTH, HEIGHT);
    onChange("");
  };

  return (
    <Box>
      <Text fw={700} fz="xl">
        {t("kiosk.sign.drawn")}
      </Text>
      <Text id={hintId} fz="md" c="dimmed" mb="xs">
        {t("kiosk.sign.drawnHint")}
      </Text>
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={value ? t("kiosk.sign.drawnDone") : t("kiosk.sign.drawnEmpty")}
        aria-describedby={hintId}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        style={{
          display: "block",
          width: "100%",
          maxWidth: WIDTH,
          aspectRatio: `${WIDTH} / ${HEIGHT}`,
          background: "white",
          border: "2px dashed var(--mantine-color-gray-6)",
          borderRadius: "var(--mantine-radius-md)",
          touchAction: "none",
          cursor: "crosshair",
        }}
      />
      <Group mt="xs">
        <Button variant="default" size="lg" onClick={clear} disabled={!value}>
          {t("kiosk.sign.clear")}
        </Button>
      </Group>
    </Box>
  );
}
