import qrcode from "qrcode-generator";
import { useMemo } from "react";

/**
 * A QR code drawn as one SVG path (no canvas, no HTML injection): a tablet's camera opens the
 * shared device's address without anyone typing it. Error correction M survives a projector's glare.
 */
export function QrCode({ value, label, size = 240 }: { value: string; label: string; size?: number }) {
  const { path, count } = useMemo(() => {
    const qr = qrcode(0, "M");
    qr.addData(value);
    qr.make();
    const n = qr.getModuleCount();
    let d = "";
    for (let row = 0; row < n; row++)
      for (let col = 0; col < n; col++) if (qr.isDark(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
    return { path: d, count: n + 8 };
  }, [value]);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${count} ${count}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      style={{ background: "#fff", maxWidth: "100%", height: "auto" }}
    >
      <path d={path} fill="#000" />
    </svg>
  );
}
