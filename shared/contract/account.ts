import { z } from 'zod';
import { secretText, text } from '../text/text';
import type { AppMode } from './app';
import { method, returns } from './define';

export interface AccountStatus {
  readonly mode: AppMode;
  /** DealPOS host (e.g. `mystore.dealpos.net`), null in setup and demo mode. */
  readonly subdomain: string | null;
  readonly clientId: string | null;
  /** Set when the local database was found damaged at start: where the old file went and why it matters. */
  readonly databaseNotice: string | null;
}

/** A host name with an optional port; no scheme, path or credentials. */
export const SUBDOMAIN_PATTERN =
  /^(?=.{1,253}(:\d{1,5})?$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/;

export const connectInputSchema = z
  .object({
    // 259: the longest host SUBDOMAIN_PATTERN accepts (253) plus ":65535".
    subdomain: text({ max: 259 }).pipe(
      z.string().toLowerCase().regex(SUBDOMAIN_PATTERN, 'Enter the store host name, e.g. mystore.dealpos.net (no https:// and no path)'),
    ),
    clientId: text({ max: 200 }).pipe(z.string().regex(/^\S+$/, 'The client id has no spaces')),
    // Not trimmed: a secret is sent as typed, so a pasted trailing space is reported rather than silently cut.
    clientSecret: secretText({ max: 500 }).regex(/^\S+$/, 'The client secret has no spaces'),
  })
  .strict();

export const accountMethods = {
  'account.status': method({ input: z.object({}).strict(), result: returns<AccountStatus>() }),
  'account.connect': method({ input: connectInputSchema, result: returns<AccountStatus>() }),
  'account.startDemo': method({ input: z.object({}).strict(), result: returns<AccountStatus>() }),
  'account.disconnect': method({ input: z.object({}).strict(), result: returns<AccountStatus>() }),
};
