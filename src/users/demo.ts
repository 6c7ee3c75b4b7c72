// Demo people for `npm start` on an empty database: one of each role, two provinces' secretaries.
import type { Role } from '../domain/roles';
import type { Locale } from '../i18n/catalogue';
import type { UserService } from './service';

export interface DemoUserLogin {
  username: string;
  password: string;
  /** English description for the console, e.g. "secretary, Chiang Mai". */
  description: string;
}

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  province?: string;
  locale: Locale;
  /** At example.org (RFC 2606): a demo's mail never reaches a real person. */
  email: string;
  password: string;
  description: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'cm-secretary',
    email: 'cm-secretary@example.org',
    displayName: 'สมศรี ใจดี (เชียงใหม่)',
    role: 'secretary',
    province: 'chiang-mai',
    locale: 'th',
    password: 'chiangmai-demo',
    description: 'secretary, Chiang Mai',
  },
  {
    username: 'bkk-secretary',
    email: 'bkk-secretary@example.org',
    displayName: 'สมชาย รักดี (กรุงเทพฯ)',
    role: 'secretary',
    province: 'bangkok',
    locale: 'th',
    password: 'bangkok-demo',
    description: 'secretary, Bangkok',
  },
  {
    username: 'moi-officer',
    email: 'moi-officer@example.org',
    displayName: 'วิภา ศรีสุข (มท.)',
    role: 'moi',
    locale: 'th',
    password: 'moi-demo-pass',
    description: 'MOI officer',
  },
  {
    username: 'mfa-reviewer',
    email: 'mfa-reviewer@example.org',
    displayName: 'อนันต์ เจริญ (กต.)',
    role: 'mfa',
    locale: 'en',
    password: 'mfa-demo-pass',
    description: 'MFA reviewer',
  },
  {
    username: 'admin',
    email: 'admin@example.org',
    displayName: 'ผู้ดูแลระบบ',
    role: 'admin',
    locale: 'th',
    password: 'admin-demo-pass',
    description: 'administrator',
  },
];

/**
 * Creates the demo users that do not exist yet (by username) and returns every demo login.
 * Safe to call on each start: existing users are left untouched.
 */
export async function createDemoUsers(users: UserService): Promise<DemoUserLogin[]> {
  for (const u of DEMO_USERS) {
    if (await users.findByUsername(u.username)) continue;
    await users.createUser({
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      ...(u.province ? { province: u.province } : {}),
      locale: u.locale,
      email: u.email,
      password: u.password,
    });
  }
  return DEMO_USERS.map((u) => ({ username: u.username, password: u.password, description: u.description }));
}
