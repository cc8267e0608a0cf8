/**
 * The one rule for text that crosses the contract: no C0/C1 control characters (so no input can
 * forge a log line, a receipt line or an invoice field), no lone surrogates (they cannot be encoded
 * as UTF-8 and reach DealPOS as U+FFFD), NFC so "é" typed two ways is one code, trimmed, and a
 * length limit per field. Zod reports a failure at the field's path, so the `validation` error names it.
 */
import { z } from 'zod';

/** A high surrogate not followed by a low one, or a low one not after a high one (matched per UTF-16 unit). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
/** The same, minus LF, for the few fields that are printed as several lines (receipt header and footer). */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u;

export interface TextRule {
  /** Longest accepted value, in UTF-16 code units after NFC and trimming. */
  readonly max: number;
  /** Shortest accepted value after trimming; 0 allows an empty string. Default 1. */
  readonly min?: number;
  /** Accept LF (CRLF and CR become LF first). Only for text printed as several lines. */
  readonly multiline?: boolean;
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why `value` breaks the character rule, or null. Exported for the fuzz test and for log escaping. */
export function textProblem(value: string, multiline = false): string | null {
  const lone = LONE_SURROGATE.exec(value);
  if (lone) return `contains a broken character (the lone UTF-16 surrogate ${codePoint(lone[0])}) at position ${lone.index + 1}`;
  const control = (multiline ? CONTROL_BUT_LF : CONTROL).exec(value);
  if (control) return `contains the control character ${codePoint(control[0])} at position ${control.index + 1}`;
  return null;
}

/** A contract text field: validated, then NFC-normalised and trimmed. */
export function text(rule: TextRule): z.ZodPipe<z.ZodString, z.ZodTransform<string, string>> {
  const min = rule.min ?? 1;
  return z
    .string()
    .transform((raw, ctx) => {
      const unified = rule.multiline ? raw.replace(/\r\n?/g, '\n') : raw;
      const problem = textProblem(unified, rule.multiline);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: `Text ${problem}` });
        return z.NEVER;
      }
      const clean = unified.normalize('NFC').trim();
      if (clean.length < min) {
        ctx.addIssue({ code: 'custom', message: min === 1 ? 'Must not be empty' : `Must be at least ${min} characters` });
        return z.NEVER;
      }
      if (clean.length > rule.max) {
        ctx.addIssue({ code: 'custom', message: `Must be at most ${rule.max} characters (got ${clean.length})` });
        return z.NEVER;
      }
      return clean;
    });
}

/**
 * A secret (password, PIN, API secret): the same character rule and limit, but never trimmed or
 * normalised — the bytes the person typed are the secret.
 */
export function secretText(rule: { readonly max: number }): z.ZodString {
  return z
    .string()
    .min(1, 'Must not be empty')
    .max(rule.max, `Must be at most ${rule.max} characters`)
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `Text ${problem}` });
    });
}

/** Escapes control characters and lone surrogates for a log line: `\n` becomes the four characters `\u000a`. */
export function escapeForLog(value: string): string {
  // eslint-disable-next-line no-control-regex -- as above
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (char) =>
    `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
