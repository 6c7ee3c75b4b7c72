// People and their roles. Which role may send which workflow event lives in workflows/permissions.ts.
import { z } from 'zod';

export const ROLES = ['secretary', 'moi', 'mfa', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** The acting user, as the application layer sees them (no password, no session). */
export interface Actor {
  userId: string;
  name: string;
  role: Role;
  /** Province id; set for secretaries only. */
  province?: string;
}
