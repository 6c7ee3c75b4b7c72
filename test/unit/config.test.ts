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
