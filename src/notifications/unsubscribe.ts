// Unsubscribe links that need no sign-in: the person's id with an HMAC of it, keyed from the session secret.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface UnsubscribeTokens {
  token(userId: string): string;
  /** The person the token was made for, or undefined when it does not verify. */
  verify(userId: string, token: string): boolean;
}

export function unsubscribeTokens(secret: string): UnsubscribeTokens {
  // A key of its own, so an unsubscribe token is never a valid signature of anything else.
  const key = createHmac('sha256', secret).update('mou-unsubscribe-v1').digest();
  const token = (userId: string) => createHmac('sha256', key).update(userId).digest('base64url');
  return {
    token,
    verify(userId, given) {
      const want = Buffer.from(token(userId));
      const got = Buffer.from(given);
      return got.length === want.length && timingSafeEqual(got, want);
    },
  };
}
