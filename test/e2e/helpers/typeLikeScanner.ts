import type { Page } from '@playwright/test';

/**
 * Types `code` the way a keyboard-mode USB scanner does: one key every few milliseconds, then a
 * terminator. The default 5 ms gap sits well inside the wedge detector's limits (50 ms per gap,
 * 30 ms on average) even with the extra round trip each key press costs on a loaded machine.
 */
export async function typeLikeScanner(page: Page, code: string, options: { gapMs?: number; terminator?: 'Enter' | 'Tab' } = {}): Promise<void> {
  await page.keyboard.type(code, { delay: options.gapMs ?? 5 });
  await page.keyboard.press(options.terminator ?? 'Enter');
}

/** Types like a person: far slower than any scanner, so the keys must stay ordinary text. */
export async function typeLikePerson(page: Page, text: string, gapMs = 120): Promise<void> {
  await page.keyboard.type(text, { delay: gapMs });
}
