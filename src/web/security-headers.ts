import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

// The pages load only their own scripts and styles, so the policy forbids inline script entirely: a message that
// slipped into the DOM as markup still could not run. No HSTS: the server speaks plain HTTP on localhost; TLS, and
// HSTS with it, is the proxy's.
const options = (geolocation: string[]): SecureHeadersOptions => ({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
  },
  xFrameOptions: 'DENY',
  strictTransportSecurity: false,
  permissionsPolicy: { camera: [], microphone: [], geolocation },
});

/** The pages that may ask for the device's position: the guide's "near me", which computes on the device. */
const GEOLOCATION_PAGES = new Set(['/guide']);

export const securityHeaders = (): MiddlewareHandler => {
  const strict = secureHeaders(options([]));
  const located = secureHeaders(options(['self']));
  return (c, next) => (GEOLOCATION_PAGES.has(c.req.path) ? located(c, next) : strict(c, next));
};

/**
 * Conversations and admin data must not linger in a shared or disk cache. Only a route that declares its answer
 * public (a share card: `Cache-Control: public, …`) keeps its own word; any other is made no-store.
 */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.get('Cache-Control')?.startsWith('public'))
    c.res.headers.set('Cache-Control', 'no-store');
};
