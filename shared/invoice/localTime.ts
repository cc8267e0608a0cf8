/** Local calendar date and ISO 8601 timestamp with offset, from an instant and the register's UTC offset. */
export interface LocalTime {
  /** YYYY-MM-DD in the register's time zone (what DealPOS expects as invoice Date). */
  readonly date: string;
  /** e.g. 2026-11-22T17:05:09.123+07:00 */
  readonly iso: string;
}

/** 24 hours in ms: lookup windows and retention spans (a fixed length, not a calendar day in a zone). */
export const DAY_MS = 86_400_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function localTime(epochMs: number, offsetMinutes: number): LocalTime {
  if (!Number.isFinite(epochMs)) throw new RangeError('epochMs must be finite');
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 14 * 60) throw new RangeError('offset out of range');
  const shifted = new Date(epochMs + offsetMinutes * 60_000);
  const date = `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const time = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}.${pad(shifted.getUTCMilliseconds(), 3)}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return { date, iso: `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}` };
}
