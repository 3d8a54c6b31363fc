const publicPrefixes = ["/sign-in", "/setup", "/invite/"];

export function isPublicPath(pathname: string): boolean {
  return publicPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(prefix));
}
