import type { z } from 'zod';
import { DealPosBadResponseError } from './errors';

/** A 2xx body checked against its endpoint's schema; anything else is DealPOS answering wrongly. */
export function readBody<S extends z.ZodType>(endpoint: string, schema: S, text: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DealPosBadResponseError(endpoint, '(body)', 'is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const first = issues[0];
  throw new DealPosBadResponseError(endpoint, first?.path || '(body)', first?.message ?? 'is invalid', issues);
}
