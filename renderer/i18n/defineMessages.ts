/** The languages the UI ships in. `id` is Bahasa Indonesia. */
export type Locale = 'en' | 'id';

export const LOCALES: readonly Locale[] = ['en', 'id'];

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'id';
}

/**
 * One area's messages in every language. English is the reference: the Indonesian table must have
 * exactly the same keys, so a missing translation is a compile error rather than a blank label.
 * Placeholders are written `{name}` and filled by `t(key, { name })`.
 */
export function defineMessages<const T extends Record<string, string>>(messages: {
  readonly en: T;
  readonly id: { readonly [K in keyof T]: string };
}): { readonly en: T; readonly id: { readonly [K in keyof T]: string } } {
  return messages;
}
