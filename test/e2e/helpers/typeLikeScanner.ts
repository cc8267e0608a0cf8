import type { CDPSession, Page } from '@playwright/test';

interface KeyDefinition {
  readonly key: string;
  readonly code: string;
  readonly keyCode: number;
  readonly text: string;
  readonly shift: boolean;
}

function keyFor(char: string): KeyDefinition {
  if (/^[0-9]$/.test(char)) return { key: char, code: `Digit${char}`, keyCode: char.charCodeAt(0), text: char, shift: false };
  if (/^[a-z]$/.test(char)) return { key: char, code: `Key${char.toUpperCase()}`, keyCode: char.toUpperCase().charCodeAt(0), text: char, shift: false };
  if (/^[A-Z]$/.test(char)) return { key: char, code: `Key${char}`, keyCode: char.charCodeAt(0), text: char, shift: true };
  if (char === '-') return { key: '-', code: 'Minus', keyCode: 189, text: '-', shift: false };
  if (char === '.') return { key: '.', code: 'Period', keyCode: 190, text: '.', shift: false };
  throw new Error(`typeLikeScanner has no key for ${JSON.stringify(char)}`);
}

const TERMINATORS = {
  Enter: { key: 'Enter', code: 'Enter', keyCode: 13, text: '\r', shift: false },
  Tab: { key: 'Tab', code: 'Tab', keyCode: 9, text: '', shift: false },
} as const satisfies Record<string, KeyDefinition>;

const SHIFT_MODIFIER = 8;

/** The fields of CDP's Input.dispatchKeyEvent this helper sets. */
interface KeyEvent {
  readonly type: 'keyDown' | 'rawKeyDown' | 'keyUp';
  readonly key: string;
  readonly code: string;
  readonly windowsVirtualKeyCode: number;
  readonly nativeVirtualKeyCode: number;
  readonly modifiers: number;
  /** Seconds since the epoch; becomes the event's timeStamp in the page. */
  readonly timestamp: number;
  readonly text?: string;
  readonly unmodifiedText?: string;
}

function keyEvents(def: KeyDefinition, timestamp: number): KeyEvent[] {
  const common = {
    key: def.key,
    code: def.code,
    windowsVirtualKeyCode: def.keyCode,
    nativeVirtualKeyCode: def.keyCode,
    modifiers: def.shift ? SHIFT_MODIFIER : 0,
    timestamp,
  };
  const down: KeyEvent = def.text ? { type: 'keyDown', text: def.text, unmodifiedText: def.text, ...common } : { type: 'rawKeyDown', ...common };
  return [down, { type: 'keyUp', ...common }];
}

/** Resolves once the page has rendered and has an idle moment (no long task in progress). */
export async function pageIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => resolve(), { timeout: 2000 })));
      }),
  );
}

/**
 * Types `code` the way a keyboard-mode USB scanner does: one key every `gapMs`, then Enter or Tab
 * (or nothing, with `terminator: null`).
 * Real keys reach the page as a queue of OS events, each stamped with its hardware time, however
 * busy the app is. Playwright's keyboard instead sends one key, waits for the page, then sends the
 * next, so any stall in the test process (which also runs the browser host) stretches the burst.
 * Here all key events go out at once over CDP, each with its own timestamp, and the burst starts
 * when the page is idle.
 */
export async function typeLikeScanner(page: Page, code: string, options: { gapMs?: number; terminator?: 'Enter' | 'Tab' | null } = {}): Promise<void> {
  const gapSeconds = (options.gapMs ?? 8) / 1000;
  const keys = [...code].map(keyFor);
  if (options.terminator !== null) keys.push(TERMINATORS[options.terminator ?? 'Enter']);
  await pageIdle(page);
  const cdp = await page.context().newCDPSession(page);
  try {
    const start = Date.now() / 1000;
    const events = keys.flatMap((def, i) => keyEvents(def, start + i * gapSeconds));
    // Not awaited one by one: the browser handles them in order, as it would a burst of OS input.
    await Promise.all(events.map((event) => cdp.send('Input.dispatchKeyEvent', event)));
  } finally {
    await cdp.detach();
  }
}

/** Types like a person: far slower than any scanner, so the keys must stay ordinary text. */
export async function typeLikePerson(page: Page, text: string, gapMs = 120): Promise<void> {
  await page.keyboard.type(text, { delay: gapMs });
}

/**
 * Types `code` in real time, as a USB scanner's reports reach the computer: one character every
 * `gapMs` (a key-down and a key-up report per character, one report per USB poll: 2 ms at the 1 ms
 * polling many scanners use), then Enter. Unlike `typeLikeScanner`, which hands the browser the
 * whole burst at once, the page sees the keys spread out the way the hardware sends them, which is
 * what timing measurements need: how Chromium schedules the page's work around a key depends on
 * what happened on screen in the milliseconds before it. Starts at once; it does not wait for frames.
 * Takes a CDP session the caller keeps open, so opening one is not part of every scan.
 */
export async function scanInRealTime(cdp: CDPSession, code: string, gapMs: number): Promise<void> {
  const keys = [...code].map(keyFor);
  keys.push(TERMINATORS.Enter);
  const start = performance.now();
  const sent: Promise<unknown>[] = [];
  for (const [i, def] of keys.entries()) {
    const wait = start + i * gapMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    for (const event of keyEvents(def, Date.now() / 1000)) sent.push(cdp.send('Input.dispatchKeyEvent', event));
  }
  await Promise.all(sent);
}
