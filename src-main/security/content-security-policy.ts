/**
 * The Content-Security-Policy for every LabFlow page, desktop or served. Scripts only from the app
 * itself; styles also inline because MUI's emotion injects <style> tags at run time; no remote
 * content, no plugins, no framing. `connectTo` adds the serve-mode WebSocket origin.
 */
export function contentSecurityPolicy(connectTo: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${connectTo.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
