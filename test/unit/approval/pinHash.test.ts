import { describe, expect, it } from 'vitest';
import { hashPin, needsRehash, pinMatches, PIN_HASH_PARAMS } from '../../../main/approval/pinHash';

describe('manager PIN hashing', () => {
  it('stores a salted scrypt hash with its parameters, never the PIN, and checks the right PIN only', async () => {
    const stored = await hashPin('482193');
    expect(stored).toMatchObject({ algorithm: 'scrypt', N: 2 ** 15, r: 8, p: 1, keyLength: 32 });
    expect(Buffer.from(stored.salt, 'base64')).toHaveLength(16);
    expect(JSON.stringify(stored)).not.toContain('482193');
    expect(await pinMatches('482193', stored)).toBe(true);
    expect(await pinMatches('482194', stored)).toBe(false);
    // A prefix or an extension of the PIN is a different PIN.
    expect(await pinMatches('48219', stored)).toBe(false);
    expect(await pinMatches('4821930', stored)).toBe(false);
  });

  it('salts every hash: the same PIN twice gives two different hashes that both verify', async () => {
    const [a, b] = await Promise.all([hashPin('1234'), hashPin('1234')]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await pinMatches('1234', b)).toBe(true);
  });

  it('still verifies a hash made with older, weaker parameters, and says it should be redone', async () => {
    const old = await hashPin('2468', { N: 2 ** 10, r: 8, p: 1, keyLength: 32 });
    expect(await pinMatches('2468', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPin('2468'))).toBe(false);
    expect(needsRehash(old, { ...PIN_HASH_PARAMS, N: 2 ** 10 })).toBe(false);
  });
});
