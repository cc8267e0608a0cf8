import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../../renderer/i18n/messages';
import { formatDuration, translate } from '../../../../renderer/i18n/t';

describe('i18n', () => {
  it('translates by key with placeholders in both languages', () => {
    expect(translate('en', 'shell.nav.queue')).toBe('Queue');
    expect(translate('id', 'shell.nav.queue')).toBe('Antrean');
    expect(translate('en', 'queue.result.resent', { number: 'R1-7' })).toBe('Invoice R1-7 was sent again.');
    expect(translate('id', 'queue.result.resent', { number: 'R1-7' })).toBe('Faktur R1-7 dikirim ulang.');
  });

  it('leaves a placeholder visible when its value is missing rather than printing "undefined"', () => {
    expect(translate('en', 'queue.result.resent')).toBe('Invoice {number} was sent again.');
  });

  it('has an Indonesian text for every English key, none empty, with the same placeholders', () => {
    for (const [area, catalog] of Object.entries(catalogs)) {
      const en = catalog.en as Record<string, string>;
      const id = catalog.id as Record<string, string>;
      expect(Object.keys(id).sort(), area).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(id[key]?.trim(), `${area}.${key}`).not.toBe('');
        const holes = (text: string | undefined): string[] => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
        expect(holes(id[key]), `${area}.${key}`).toEqual(holes(en[key]));
      }
    }
  });

  it('formats durations coarsely per language', () => {
    expect(formatDuration('en', 42_000)).toBe('42 s');
    expect(formatDuration('en', 5 * 60_000)).toBe('5 min');
    expect(formatDuration('id', 125 * 60_000)).toBe('2 j 5 mnt');
  });
});
