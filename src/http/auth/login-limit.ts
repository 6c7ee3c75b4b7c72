// Limits login attempts per IP address and username; successful logins do not count.
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

export interface LoginLimit {
  max: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMIT: LoginLimit = { max: 10, windowMs: 15 * 60 * 1000 };

/** `onLimited` answers once the limit is reached (the login page with a message, status 429). */
export function loginLimiter(limit: LoginLimit, onLimited: RequestHandler): RequestHandler {
  return rateLimit({
    windowMs: limit.windowMs,
    limit: limit.max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    keyGenerator: (req) => {
      const body: unknown = req.body;
      const u =
        typeof body === 'object' && body !== null ? (body as { username?: unknown }).username : undefined;
      const username = typeof u === 'string' ? u.trim().toLowerCase().slice(0, 100) : '';
      return `${ipKeyGenerator(req.ip ?? 'unknown')}|${username}`;
    },
    handler: (req, res, next) => {
      void onLimited(req, res, next);
    },
  });
}
