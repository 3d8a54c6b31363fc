const publicPrefixes = [
  "/sign-in",
  "/forgot-password",
  "/reset-password/",
  "/setup",
  "/invite/",
  "/class/",
  "/sign/",
  "/consent/answer/",
];
// Exact public pages whose name is also the start of a signed-in page ("/kiosk" vs "/kiosks").
const publicPages = ["/kiosk", "/verify", "/class"];

export function isPublicPath(pathname: string): boolean {
  if (publicPages.includes(pathname.replace(/\/$/, ""))) return true;
  return publicPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(prefix));
}
