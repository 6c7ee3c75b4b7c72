import { ConfigError, loadConfig } from '../../src/config';

const root = process.cwd();
const load = (env: Record<string, string>) => loadConfig(env, root);
const URI = 'mongodb://db.example:27017/mou';

describe('the read cache and other instances', () => {
  it('may be forced on the embedded database, where the app is the only writer', () => {
    expect(load({ MOU_READ_CACHE: 'true' }).readCache).toBe(true);
  });

  it('is refused at start when forced on MONGODB_URI, naming the variables that allow it', () => {
    const start = () => load({ MONGODB_URI: URI, MOU_READ_CACHE: 'true' });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/MOU_READ_CACHE=true with MONGODB_URI/);
    expect(start).toThrow(/MOU_SINGLE_INSTANCE=true/);
    expect(() => load({ MONGODB_URI: URI, MOU_READ_CACHE: 'true', MOU_SINGLE_INSTANCE: 'false' })).toThrow(
      ConfigError,
    );
  });

  it('may be forced on MONGODB_URI when the operator states that exactly one instance runs', () => {
    const config = load({ MONGODB_URI: URI, MOU_READ_CACHE: 'true', MOU_SINGLE_INSTANCE: 'true' });
    expect(config).toMatchObject({ mongodbUri: URI, readCache: true });
  });

  it('is left to auto on MONGODB_URI, which keeps it off there', () => {
    expect(load({ MONGODB_URI: URI, MOU_READ_CACHE: 'auto' }).readCache).toBe('auto');
    expect(load({ MONGODB_URI: URI }).readCache).toBe('auto');
  });
});

describe('the door out', () => {
  it('has its lease, poll, clock and retry timings in seconds, and no probe, by default', () => {
    expect(load({}).door).toEqual({ leaseMs: 15_000, pollMs: 5_000, tickMs: 60_000, retryMs: 1_000 });
    expect(
      load({
        MOU_DOOR_LEASE_SECONDS: '2',
        MOU_DOOR_POLL_SECONDS: '0.5',
        MOU_DOOR_TICK_SECONDS: '10',
        MOU_DOOR_RETRY_SECONDS: '0.1',
      }).door,
    ).toEqual({ leaseMs: 2_000, pollMs: 500, tickMs: 10_000, retryMs: 100 });
    expect(() => load({ MOU_DOOR_LEASE_SECONDS: '0' })).toThrow(/MOU_DOOR_LEASE_SECONDS/);
  });

  it('takes the test-only probe outside production, and refuses it in production', () => {
    expect(load({ MOU_DOOR_PROBE: 'probe', MOU_DOOR_PROBE_HOLD: 'after' }).door.probe).toEqual({
      collection: 'probe',
      hold: 'after',
    });
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), MOU_DOOR_PROBE: 'probe' };
    expect(() => load(production)).toThrow(/MOU_DOOR_PROBE is a test hook/);
    expect(() => load({ MOU_DOOR_PROBE: 'no such.name' })).toThrow(ConfigError);
  });
});

describe('notifications and e-mail', () => {
  it('send no e-mail without MOU_SMTP_URL, and refuse one that is not an SMTP URL, saying what to write', () => {
    expect(load({}).notifications).toMatchObject({ enabled: true, pollMs: 300_000, digestHour: 8 });
    expect(load({}).notifications.smtpUrl).toBeUndefined();
    expect(load({ MOU_SMTP_URL: 'smtp://127.0.0.1:2525' }).notifications.smtpUrl).toBe(
      'smtp://127.0.0.1:2525',
    );
    const bad = () => load({ MOU_SMTP_URL: 'http://mail.example.org' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/MOU_SMTP_URL: use smtp:\/\/host:port/);
    expect(() => load({ MOU_PUBLIC_URL: 'mou.example.org' })).toThrow(/MOU_PUBLIC_URL/);
    expect(load({ MOU_PUBLIC_URL: 'https://mou.example.org/' }).notifications.publicUrl).toBe(
      'https://mou.example.org',
    );
    expect(() => load({ MOU_DIGEST_HOUR: '24' })).toThrow(/MOU_DIGEST_HOUR/);
  });

  it('refuse the test-only hold in production', () => {
    const env = { NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40) };
    expect(() => load({ ...env, MOU_NOTIFY_HOLD: 'worker' })).toThrow(/MOU_NOTIFY_HOLD is a test hook/);
    expect(load({ ...env }).notifications.hold).toBe('none');
  });
});
