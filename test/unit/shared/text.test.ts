/**
 * The contract's one text rule: what a cashier or manager can type into any field, and what main
 * then receives. Every refusal names the offending code point, so the form can say why.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { escapeForLog, secretText, text, textProblem } from '../../../shared/text/text';

const hex = (unit: number): string => `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const C0 = range(0x00, 0x1f);
const C1 = range(0x80, 0x9f);
const CONTROLS = [...C0, 0x7f, ...C1];

function messages(schema: z.ZodType, value: string): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

describe('text()', () => {
  const field = text({ max: 100 });

  it('refuses every C0 and C1 control character and DEL, naming the code point and its position', () => {
    for (const unit of CONTROLS) {
      const found = messages(field, `ab${String.fromCharCode(unit)}cd`);
      expect(found, hex(unit)).toEqual([`Text contains the control character ${hex(unit)} at position 3`]);
    }
  });

  it('refuses a control character even where trimming would have removed it', () => {
    expect(messages(field, 'abc\n')).toEqual(['Text contains the control character U+000A at position 4']);
    expect(messages(field, '\tabc')).toEqual(['Text contains the control character U+0009 at position 1']);
  });

  it('refuses lone high and low surrogates, naming them; a proper pair is fine', () => {
    expect(messages(field, 'ab\ud800cd')).toEqual(['Text contains a broken character (the lone UTF-16 surrogate U+D800) at position 3']);
    expect(messages(field, 'ab\udbff')).toEqual(['Text contains a broken character (the lone UTF-16 surrogate U+DBFF) at position 3']);
    expect(messages(field, '\udc00ab')).toEqual(['Text contains a broken character (the lone UTF-16 surrogate U+DC00) at position 1']);
    expect(messages(field, 'a\udfffb')).toEqual(['Text contains a broken character (the lone UTF-16 surrogate U+DFFF) at position 2']);
    // Reversed pair: both halves are lone.
    expect(messages(field, '\udc00\ud800')[0]).toContain('U+DC00');
    expect(field.parse('Kopi ☕ 😀')).toBe('Kopi ☕ 😀');
  });

  it('accepts what is not a control character: NBSP, U+00A0 and beyond, Indonesian and CJK text', () => {
    expect(field.parse('Teh\u00a0Botol')).toBe('Teh\u00a0Botol');
    expect(field.parse('Nasi Goreng Spesial — 辣')).toBe('Nasi Goreng Spesial — 辣');
  });

  it('applies NFC, so "é" typed as e + U+0301 is the single character U+00E9, and counts length after it', () => {
    const value = text({ max: 1 }).parse('e\u0301');
    expect(value).toBe('\u00e9');
    expect(value.length).toBe(1);
  });

  it('trims, and a field of only spaces is empty', () => {
    expect(field.parse('  Cash \u00a0')).toBe('Cash');
    expect(messages(field, '   ')).toEqual(['Must not be empty']);
    expect(messages(field, '')).toEqual(['Must not be empty']);
  });

  it('holds max and min after trimming; min 0 allows empty', () => {
    expect(field.parse(` ${'x'.repeat(100)} `)).toHaveLength(100);
    expect(messages(field, 'x'.repeat(101))).toEqual(['Must be at most 100 characters (got 101)']);
    expect(messages(text({ max: 500, min: 3 }), ' ab ')).toEqual(['Must be at least 3 characters']);
    expect(text({ max: 500, min: 3 }).parse('abc')).toBe('abc');
    expect(text({ max: 10, min: 0 }).parse('   ')).toBe('');
  });

  it('refuses a non-string without the text rule running', () => {
    expect(field.safeParse(42).success).toBe(false);
    expect(field.safeParse(null).success).toBe(false);
  });
});

describe('text({ multiline })', () => {
  const lines = text({ max: 500, min: 0, multiline: true });

  it('keeps LF, turns CRLF and a lone CR into LF, and trims the whole text', () => {
    expect(lines.parse('Toko Maju\nJl. Merdeka 1')).toBe('Toko Maju\nJl. Merdeka 1');
    expect(lines.parse('Toko Maju\r\nJl. Merdeka 1\r\n')).toBe('Toko Maju\nJl. Merdeka 1');
    expect(lines.parse('Toko Maju\rJl. Merdeka 1')).toBe('Toko Maju\nJl. Merdeka 1');
  });

  it('still refuses every other control character', () => {
    for (const unit of CONTROLS.filter((u) => u !== 0x0a && u !== 0x0d)) {
      const found = messages(lines, `ab\n${String.fromCharCode(unit)}`);
      expect(found, hex(unit)).toEqual([`Text contains the control character ${hex(unit)} at position 4`]);
    }
    expect(messages(lines, 'a\ud800')[0]).toContain('U+D800');
  });

  it('is only for fields that ask for it: a single-line field refuses LF and CR', () => {
    expect(messages(text({ max: 500 }), 'a\nb')).toEqual(['Text contains the control character U+000A at position 2']);
    expect(messages(text({ max: 500 }), 'a\r\nb')).toEqual(['Text contains the control character U+000D at position 2']);
  });
});

describe('secretText()', () => {
  const secret = secretText({ max: 12 });

  it('keeps the bytes as typed: never trimmed, never normalised', () => {
    expect(secret.parse(' 1234 ')).toBe(' 1234 ');
    expect(secret.parse('e\u0301')).toBe('e\u0301');
  });

  it('refuses control characters and lone surrogates, naming the code point', () => {
    for (const unit of CONTROLS) {
      expect(messages(secret, `12${String.fromCharCode(unit)}34`), hex(unit)).toEqual([`Text contains the control character ${hex(unit)} at position 3`]);
    }
    expect(messages(secret, '12\udc0034')).toEqual(['Text contains a broken character (the lone UTF-16 surrogate U+DC00) at position 3']);
  });

  it('refuses empty and over-long secrets; spaces count', () => {
    expect(messages(secret, '')).toEqual(['Must not be empty']);
    expect(messages(secret, 'x'.repeat(13))).toEqual(['Must be at most 12 characters']);
    expect(messages(secret, ` ${'x'.repeat(12)}`)).toEqual(['Must be at most 12 characters']);
  });
});

describe('textProblem()', () => {
  it('is null for clean text and describes the first problem otherwise', () => {
    expect(textProblem('Es Teh Manis')).toBeNull();
    expect(textProblem('a\nb', true)).toBeNull();
    expect(textProblem('a\u0085b\u0000')).toBe('contains the control character U+0085 at position 2');
  });
});

describe('escapeForLog()', () => {
  it('leaves no character that could end a line or steer a terminal', () => {
    const forged = 'paid\n{"level":50,"msg":"forged"}\r\u2028\u2029\u0085\u009b[31m\u001b[2J\u007f';
    const escaped = escapeForLog(forged);
    expect(escaped).toBe('paid\\u000a{"level":50,"msg":"forged"}\\u000d\\u2028\\u2029\\u0085\\u009b[31m\\u001b[2J\\u007f');
    expect(textProblem(escaped)).toBeNull();
  });

  it('escapes lone surrogates but keeps proper pairs and ordinary text', () => {
    expect(escapeForLog('a\ud800b\udc00')).toBe('a\\ud800b\\udc00');
    expect(escapeForLog('Kopi 😀 é')).toBe('Kopi 😀 é');
  });
});
