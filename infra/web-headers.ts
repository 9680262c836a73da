/**
 * The web app's Content-Security-Policy: one definition for CloudFront (infra/constructs/web-hosting.ts) and the
 * local web server (infra/local/web-server.ts), so deploy code needs nothing from the local runtime.
 */

export type WebMode = 'dev' | 'dist';

/** The policy CloudFront will send (web issue, CDK phase); dev adds what Vite's hot reload needs. */
export function contentSecurityPolicy(mode: WebMode, connectOrigins: string[], port: number): string {
  const hmr = mode === 'dev' ? [`ws://localhost:${port}`, `ws://127.0.0.1:${port}`] : [];
  const connect = ["'self'", ...connectOrigins, ...hmr];
  return [
    "default-src 'self'",
    // Vite's React refresh preamble is an inline script; the production build has none.
    mode === 'dev' ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    // Ant Design writes its styles at run time (CSS-in-JS).
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${connectOrigins.join(' ')}`,
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    `frame-src 'self' blob: ${connectOrigins.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
