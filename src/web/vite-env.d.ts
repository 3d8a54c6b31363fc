/// <reference types="vite/client" />

// A part of a locale file (i18n/parts.ts), split out by vite.config.ts.
declare module "*?part=core" {
  const strings: Record<string, unknown>;
  export default strings;
}
declare module "*?part=features" {
  const strings: Record<string, unknown>;
  export default strings;
}
