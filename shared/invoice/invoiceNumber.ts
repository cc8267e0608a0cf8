/**
 * Invoice numbers assigned by the counter itself, so a register can sell for days without DealPOS.
 *
 * Format: `[<prefix>-]<registerCode>-<yyMMdd>-<seq>`, e.g. `TK1-7KQ2M-261122-0007`.
 * - `prefix`: optional, configurable in Settings (`invoiceNumberPrefix`: up to 16 of A–Z a–z 0–9 . / -).
 * - `registerCode`: 5 characters drawn at random (from 2–9 and A–Z without I and O) the first time
 *   this installation's database completes a sale, and kept in it. Two registers therefore never
 *   share a code (1 in 33 million per pair) however long they are offline, and a database that had
 *   to be started afresh (damaged file moved aside) draws a new code instead of reusing numbers.
 * - `yyMMdd`: the register's local day of the sale — never earlier than the day of the register's
 *   previous number, so a clock set back cannot make a number repeat.
 * - `seq`: per register and day, from 1, at least 4 digits; bumped in the sale's own SQLite
 *   transaction, so a restart or crash never hands out a number twice.
 * At most 16+1+5+1+6+1+7 = 37 characters.
 */

/** ASSUMPTION: DealPOS accepts invoice numbers of up to 40 characters of letters, digits, `-`, `.`, `/`. */
export const MAX_INVOICE_NUMBER_LENGTH = 40;
export const MAX_SEQUENCE_PER_DAY = 9_999_999;
export const REGISTER_CODE_LENGTH = 5;
/** No 0/O or 1/I: a code is read aloud and typed by people. */
export const REGISTER_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

const PREFIX_PATTERN = /^[A-Za-z0-9./-]{0,16}$/;
const REGISTER_CODE_PATTERN = new RegExp(`^[${REGISTER_CODE_ALPHABET}]{${REGISTER_CODE_LENGTH}}$`);
const DAY_PATTERN = /^\d{6}$/;

export interface InvoiceNumbering {
  /** May be empty: then the number starts with the register code. */
  readonly prefix: string;
  readonly registerCode: string;
}

/** What the register last handed out: `day` as yyMMdd and the sequence within it. */
export interface SequencePosition {
  readonly day: string;
  readonly seq: number;
}

export function isValidPrefix(prefix: string): boolean {
  return PREFIX_PATTERN.test(prefix);
}

export function isValidRegisterCode(code: string): boolean {
  return REGISTER_CODE_PATTERN.test(code);
}

/** A fresh register code; `random` returns values in [0, 1). */
export function newRegisterCode(random: () => number): string {
  let code = '';
  for (let i = 0; i < REGISTER_CODE_LENGTH; i++) {
    const index = Math.min(REGISTER_CODE_ALPHABET.length - 1, Math.floor(random() * REGISTER_CODE_ALPHABET.length));
    code += REGISTER_CODE_ALPHABET[index];
  }
  return code;
}

/** `2026-11-22` → `261122`. */
export function numberDay(localDate: string): string {
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) throw new RangeError(`"${localDate}" is not a YYYY-MM-DD date`);
  return `${match[1]}${match[2]}${match[3]}`;
}

/** The next position after `last` on `today` (yyMMdd); the day never goes backwards. */
export function nextSequence(last: SequencePosition | null, today: string): SequencePosition {
  if (!DAY_PATTERN.test(today)) throw new RangeError(`"${today}" is not a yyMMdd day`);
  if (!last || today > last.day) return { day: today, seq: 1 };
  const seq = last.seq + 1;
  if (seq > MAX_SEQUENCE_PER_DAY) throw new RangeError('invoice sequence exhausted for this day');
  return { day: last.day, seq };
}

export function formatInvoiceNumber(numbering: InvoiceNumbering, position: SequencePosition): string {
  if (!isValidPrefix(numbering.prefix)) throw new RangeError(`invoice prefix "${numbering.prefix}" is not allowed`);
  if (!isValidRegisterCode(numbering.registerCode)) throw new RangeError(`register code "${numbering.registerCode}" is not valid`);
  if (!DAY_PATTERN.test(position.day)) throw new RangeError(`"${position.day}" is not a yyMMdd day`);
  if (!Number.isSafeInteger(position.seq) || position.seq < 1 || position.seq > MAX_SEQUENCE_PER_DAY) {
    throw new RangeError(`sequence ${position.seq} out of range`);
  }
  const body = `${numbering.registerCode}-${position.day}-${String(position.seq).padStart(4, '0')}`;
  return numbering.prefix ? `${numbering.prefix}-${body}` : body;
}

export interface ParsedInvoiceNumber extends InvoiceNumbering, SequencePosition {}

/** Reads a number this app made; null for anything else (e.g. numbers DealPOS assigned itself). */
export function parseInvoiceNumber(number: string): ParsedInvoiceNumber | null {
  const match = new RegExp(`^(?:(.{1,16})-)?([${REGISTER_CODE_ALPHABET}]{${REGISTER_CODE_LENGTH}})-(\\d{6})-(\\d{4,7})$`).exec(number);
  if (!match) return null;
  const [, prefix = '', registerCode = '', day = '', seq = ''] = match;
  if (!isValidPrefix(prefix)) return null;
  return { prefix, registerCode, day, seq: Number(seq) };
}
