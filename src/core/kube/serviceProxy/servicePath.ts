/**
 * Whether a request path stays inside the Service's proxy once the API server decodes it: no
 * `..` or `.` segment and no encoded slash or backslash that would become one. (The URL parser
 * already removed literal and %2e dot segments; what is left would be decoded by the server.)
 * Nothing is gained by escaping, since a block has the same credentials in its KUBECONFIG, but
 * a request for a Service must not quietly become a request for the API itself.
 */
export function staysInService(pathname: string): boolean {
  let decoded = pathname;
  // Decode repeatedly: %252f is %2f after one pass, / after two.
  for (let i = 0; i < 3; i++) {
    if (/%2f|%5c/i.test(decoded)) return false;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return false;
    }
    if (next === decoded) break;
    decoded = next;
  }
  return !decoded.split(/[/\\]/).some((seg) => seg === '..' || seg === '.');
}
