// Response headers (helmet, CSP 'self' only) and request body parsers with size limits.
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config';

/** Largest JSON or form body accepted; larger → 413. */
export const BODY_LIMIT = '1mb';

export function securityHeaders(config: Config): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Only when the site is served over https, or plain-http installs would break their own assets.
        ...(config.cookieSecure === true ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  });
}

export function bodyParsers(): RequestHandler[] {
  return [
    express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }),
    express.urlencoded({ limit: BODY_LIMIT, extended: false, parameterLimit: 2000 }),
  ];
}
