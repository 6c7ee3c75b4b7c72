// The identity cache: entries expire after their time, and services on one connection share one cache.
import { TtlCache, sharedCache } from '../../../src/users/ttl-cache';

describe('the identity cache', () => {
  it('forgets an entry once its time is up', () => {
    const c = new TtlCache<string>(1000);
    c.set('k', 'v', 0);
    expect(c.get('k', 999)).toBe('v');
    expect(c.get('k', 1000)).toBeUndefined();
  });

  it('is shared by every service on the same connection, and separate for another connection', () => {
    const a = {};
    const b = {};
    sharedCache<string>(a, 'users').set('u1', 'Somsri');
    expect(sharedCache<string>(a, 'users').get('u1')).toBe('Somsri');
    expect(sharedCache<string>(b, 'users').get('u1')).toBeUndefined();
    sharedCache<string>(a, 'users').delete('u1');
    expect(sharedCache<string>(a, 'users').get('u1')).toBeUndefined();
  });
});
