import { catalogs } from './messages';
import type { Locale } from './defineMessages';

type Catalogs = typeof catalogs;
type Area = keyof Catalogs & string;

/** Every message key, e.g. `shell.nav.queue`; typos are compile errors. */
export type MessageKey = { [A in Area]: `${A}.${keyof Catalogs[A]['en'] & string}` }[Area];

export type MessageParams = Readonly<Record<string, string | number>>;

export type Translate = (key: MessageKey, params?: MessageParams) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

function lookup(locale: Locale, key: string): string {
  const dot = key.indexOf('.');
  const area = key.slice(0, dot);
  const rest = key.slice(dot + 1);
  const catalog: Record<Locale, Readonly<Record<string, string>>> | undefined = (
    catalogs as unknown as Record<string, Record<Locale, Readonly<Record<string, string>>>>
  )[area];
  // English is the reference table; keys are checked at compile time, so a miss means a stale build.
  return catalog?.[locale][rest] ?? catalog?.en[rest] ?? key;
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = lookup(locale, key);
  if (!params) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** BCP 47 tag used for numbers and dates in each UI language. */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: 'en-GB', id: 'id-ID' };

export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "3 min", "2 h 5 min": for ages and estimates, coarse on purpose. */
export function formatDuration(locale: Locale, ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return translate(locale, 'shell.duration.seconds', { n: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return translate(locale, 'shell.duration.minutes', { n: minutes });
  return translate(locale, 'shell.duration.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** "1.5 MB" / "1,5 MB": free disk space, in megabytes (10^6 bytes) with one decimal. */
export function formatBytes(locale: Locale, bytes: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(Math.max(0, bytes) / 1_000_000);
}

/** "20,000" / "20.000": counts with the locale's grouping. */
export function formatCount(locale: Locale, n: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 0 }).format(n);
}
