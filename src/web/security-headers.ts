import type { MiddlewareHandler } from 'hono';

// Headers on every response, errors and 404s included. The pages load only their own scripts and styles,
// so the policy can forbid inline script entirely: a message that slipped into the DOM as markup still could
// not run. No HSTS here: the server speaks plain HTTP on localhost; TLS, and HSTS with it, is the proxy's.

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(HEADERS)) c.res.headers.set(name, value);
    // Conversations and admin data must not linger in a shared or disk cache.
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/admin'))
      c.res.headers.set('Cache-Control', 'no-store');
  };
}
