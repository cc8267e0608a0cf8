/**
 * Manager PIN hashing with scrypt. A PIN has few possible values, so the hash must be slow (about
 * 70 ms on a counter PC) and salted per manager; the parameters are stored with each hash, so they
 * can be raised later and old hashes still verify (and are re-hashed on the next right PIN).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

export interface PinHashParams {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly keyLength: number;
}

/** 2^15 × 8 × 128 B = 32 MiB per hash; OWASP's scrypt minimum is 2^17 for passwords, but every approval runs one hash per manager. */
export const PIN_HASH_PARAMS: PinHashParams = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

export const pinHashSchema = z.object({
  algorithm: z.literal('scrypt'),
  N: z.number().int().min(2).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  keyLength: z.number().int().min(16).max(64),
  /** base64 */
  salt: z.string().min(1),
  /** base64 */
  hash: z.string().min(1),
});
export type PinHash = z.infer<typeof pinHashSchema>;

function derive(pin: string, salt: Buffer, params: PinHashParams): Promise<Buffer> {
  // Node refuses more than 32 MiB by default, which is exactly what N=2^15, r=8 needs; leave room.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, params.keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(pin: string, params: PinHashParams = PIN_HASH_PARAMS): Promise<PinHash> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, params);
  return { algorithm: 'scrypt', ...params, salt: salt.toString('base64'), hash: key.toString('base64') };
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(pin, Buffer.from(stored.salt, 'base64'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash made with other (older) parameters than `current`. */
export function needsRehash(stored: PinHash, current: PinHashParams = PIN_HASH_PARAMS): boolean {
  return stored.N !== current.N || stored.r !== current.r || stored.p !== current.p || stored.keyLength !== current.keyLength;
}
