// Limits failed logins per IP address and username, and (more loosely) per IP address alone.
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

export interface LoginLimit {
  /** Failed attempts allowed per IP+username in the window. */
  max: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMIT: LoginLimit = { max: 10, windowMs: 15 * 60 * 1000 };

/** One IP may fail this many times more than one username, across all usernames (stops username spraying). */
const PER_IP_FACTOR = 10;

function usernameOf(body: unknown): string {
  const u = typeof body === 'object' && body !== null ? (body as { username?: unknown }).username : undefined;
  return typeof u === 'string' ? u.trim().toLowerCase().slice(0, 100) : '';
}

/** Two limiters for the login route; `onLimited` answers once a limit is reached (the login page, status 429). */
export function loginLimiters(limit: LoginLimit, onLimited: RequestHandler): RequestHandler[] {
  const common = {
    windowMs: limit.windowMs,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    // Only failures count: a successful login answers with a redirect (status < 400).
    skipSuccessfulRequests: true,
    handler: ((req, res, next) => void onLimited(req, res, next)) satisfies RequestHandler,
  };
  return [
    rateLimit({
      ...common,
      limit: limit.max * PER_IP_FACTOR,
      keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
    }),
    rateLimit({
      ...common,
      limit: limit.max,
      keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? 'unknown')}|${usernameOf(req.body)}`,
    }),
  ];
}
