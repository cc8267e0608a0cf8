/**
 * The "scan Enter → cart row painted" measurement the Chromium benches share (checkout.bench.ts,
 * store.scanDuringSync.bench.ts): the app runs in its own Node process behind the browser host, as
 * the Electron main process would, so driving the browser does not steal its event loop; Debian's
 * Chromium drives the real renderer through Playwright; an in-page probe times each scan from the
 * Enter keydown to the end of the frame that paints the new row (see `installProbe`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { pageIdle } from '../e2e/helpers/typeLikeScanner';

const here = path.dirname(new URL(import.meta.url).pathname);
export const rendererDir = path.resolve(here, '../../dist/renderer');

export interface HostProcess<Ready> {
  /** The first JSON line the host printed. */
  readonly ready: Ready;
  /** Called with each later JSON line the host prints. */
  onLine(listener: (line: unknown) => void): void;
  /** Closes the host's stdin (its signal to shut down) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `script` (run through tsx's loader, `rendererDir` as its first argument) and waits for the
 * first JSON line it prints on stdout. Hosts print one JSON object a line and exit when stdin closes.
 */
export async function startHostProcess<Ready>(script: string): Promise<HostProcess<Ready>> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, rendererDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const listeners: Array<(line: unknown) => void> = [];
  let exited = false;
  const ready = await new Promise<Ready>((resolve, reject) => {
    let buffered = '';
    let first = true;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = JSON.parse(buffered.slice(0, newline)) as unknown;
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
        if (first) {
          first = false;
          resolve(line as Ready);
        } else {
          for (const listener of listeners) listener(line);
        }
      }
    });
    child.on('exit', (code) => {
      exited = true;
      reject(new Error(`bench host ${path.basename(script)} exited early (${code})`));
    });
  });
  return {
    ready,
    onLine: (listener) => listeners.push(listener),
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.on('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

export interface LaunchedChromium {
  readonly browser: Browser;
  /** Closes the browser and waits for its process to exit. */
  close(): Promise<void>;
}

/**
 * Playwright's own switches for headless Chromium (playwright-core's chromiumSwitches.ts, 1.56), the
 * ones that bear on timing or quiet: no throttled timers or backgrounded renderers, no background
 * networking, updates or first-run work. Plus the benches' own (no GPU: software compositing).
 */
const CHROMIUM_SWITCHES = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-field-trial-config',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-ipc-flooding-protection',
  '--disable-hang-monitor',
  '--disable-back-forward-cache',
  '--disable-breakpad',
  '--disable-component-update',
  '--disable-component-extensions-with-background-pages',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--disable-features=PaintHolding,Translate,MediaRouter,DialMediaRouteProvider,GlobalMediaControls,LensOverlay',
  '--no-default-browser-check',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--hide-scrollbars',
  '--mute-audio',
  '--autoplay-policy=no-user-gesture-required',
  '--force-color-profile=srgb',
];

/**
 * Debian's Chromium, started in this process's session and driven over CDP, rather than through
 * `chromium.launch`. Playwright starts its browser in a session of its own (setsid), and Linux's
 * autogroup scheduler then weighs the app's process and the browser's as two equal groups: the
 * app's nice-19 writer thread would compete with the renderer at full weight, which it never does
 * in Electron, whose renderer shares the main process's session. Started here, the browser shares
 * the session of this process and so of the app host it spawned, as on a counter.
 */
export async function launchChromium(): Promise<LaunchedChromium> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-bench-chromium-'));
  const child = spawn(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', [...CHROMIUM_SWITCHES, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A bench that fails before closing it must not leave the browser running.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const endpoint = await new Promise<string>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools endpoint within 30 s; it said: ${said.slice(-2000)}`)), 30_000);
    const listen = (chunk: Buffer): void => {
      said += chunk.toString('utf8');
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(said);
      if (!found?.[1]) return;
      clearTimeout(timer);
      child.stderr.off('data', listen);
      resolve(found[1]);
    };
    child.stderr.on('data', listen);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before opening its DevTools endpoint; it said: ${said.slice(-2000)}`));
    });
  });
  // Chromium keeps writing to stderr: drain it unread so it never blocks on a full pipe.
  child.stderr.resume();
  const browser = await chromium.connectOverCDP(endpoint);
  return {
    browser,
    close: async () => {
      await browser.close();
      child.kill('SIGTERM');
      await exited;
      process.off('exit', killOnExit);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One scan's milestones, performance.now() in the page. */
export interface ScanTiming {
  readonly enter: number;
  readonly received: number;
  readonly resolved: number;
  readonly dom: number;
  readonly frame: number;
  readonly painted: number;
}

/**
 * In-page probe, installed before the app's own scripts so its capture listener runs before the
 * wedge detector's: the Enter keydown stamps t0; a MutationObserver sees the new row; the next
 * animation frame stamps `frame`, and a task posted from it stamps `painted` once that frame's
 * rendering is done — style, layout, paint and commit to the compositor, the latest moment the page
 * itself can observe (the rAF callback alone, before the frame's paint, would flatter the number).
 * Each finished scan fires `bench:scan-painted` on window. It also stamps `__readyAt` when the
 * checkout is ready with the cursor in the scan field.
 */
export function installProbe(): void {
  type Scan = { enter: number; received: number; resolved: number; dom: number; frame: number; painted: number };
  const w = window as unknown as { __scans: Scan[]; __readyAt: number | null };
  w.__scans = [];
  w.__readyAt = null;
  let current: Scan | null = null;
  let rows = 0;
  const afterFrame = new MessageChannel();
  const waitingForPaint: Scan[] = [];
  afterFrame.port1.onmessage = () => {
    const scan = waitingForPaint.shift();
    if (!scan) return;
    scan.painted = performance.now();
    window.dispatchEvent(new Event('bench:scan-painted'));
  };
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter') current = { enter: performance.now(), received: 0, resolved: 0, dom: 0, frame: 0, painted: 0 };
    },
    { capture: true },
  );
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const scan = w.__scans[w.__scans.length - 1];
      const target = current ?? scan;
      if (!target) continue;
      if (entry.name === 'checkout:scan-received') target.received = entry.startTime;
      if (entry.name === 'checkout:code-resolved') target.resolved = entry.startTime;
    }
  }).observe({ type: 'mark' });
  new MutationObserver(() => {
    const screen = document.querySelector('[data-testid="checkout-screen"]');
    if (w.__readyAt === null && screen?.getAttribute('data-ready') === 'true' && document.activeElement?.getAttribute('data-testid') === 'scan-input') {
      w.__readyAt = performance.now();
    }
    const count = document.querySelectorAll('[data-testid="cart-row"]').length;
    if (count > rows && current !== null) {
      const scan = current;
      current = null;
      scan.dom = performance.now();
      w.__scans.push(scan);
      requestAnimationFrame(() => {
        scan.frame = performance.now();
        waitingForPaint.push(scan);
        afterFrame.port2.postMessage(null);
      });
    }
    rows = count;
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

/** Opens the app in `page` (probe first) and waits until the checkout is ready for a scan. */
export async function openCheckout(page: Page, url: string): Promise<number> {
  await page.addInitScript(installProbe);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __readyAt: number | null }).__readyAt !== null, undefined, { timeout: 15_000 });
  return page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
}

export function readScans(page: Page): Promise<ScanTiming[]> {
  return page.evaluate(() => (window as unknown as { __scans: ScanTiming[] }).__scans);
}

export type Scanner = (code: string) => Promise<void>;

/** Starts each scan no sooner than `everyMs` after the previous one started. */
export function paced(scanner: Scanner, everyMs: number): Scanner {
  let lastStart = Number.NEGATIVE_INFINITY;
  return async (code) => {
    const wait = lastStart + everyMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastStart = performance.now();
    await scanner(code);
  };
}

const MAX_SPLITS = 2;

/**
 * Scans `code` and waits until the probe has seen the `expected`-th row painted; returns how many
 * times the driver's keys split it first. The driver stamps each key when it sends it, and on a
 * loaded machine its 2 ms timer can fire late: a gap over the wedge detector's 50 ms splits the code
 * and no row comes, only feedback about a part of it ("Unknown code 596.", "999715567842 is not a
 * valid code."). That is the harness, not the app: the scan field is cleared and the code scanned
 * again (up to `MAX_SPLITS` times), and the caller reports the count.
 */
export async function scanOne(page: Page, scanner: Scanner, code: string, expected: number): Promise<number> {
  for (let splits = 0; ; splits++) {
    const outcome = await scanAndWait(page, scanner, code, expected);
    if (outcome === 'painted') return splits;
    if (splits >= MAX_SPLITS) throw new Error(`scan ${expected} (${code}) was split by late keys ${splits + 1} times running`);
    // Let the split's other part land (it is told apart too) before clearing what it left in the field.
    await pageIdle(page);
    await page.getByTestId('scan-input').fill('');
  }
}

/**
 * Resolves 'painted' on the probe's event, or 'split' as soon as the checkout's feedback names a
 * part of `code`. It waits on events, not by polling frames, so the harness does not itself keep
 * the page producing frames while a scan is measured.
 */
async function scanAndWait(page: Page, scanner: Scanner, code: string, expected: number): Promise<'painted' | 'split'> {
  // Listen first, then scan.
  const outcome = page.evaluate(
    ({ n, scanned }) =>
      new Promise<'painted' | 'split'>((resolve, reject) => {
        // No named local functions here: tsx would wrap them in a helper the page does not have.
        const scans = (window as unknown as { __scans: Array<{ painted: number }> }).__scans;
        if (scans.length >= n && (scans[n - 1]?.painted ?? 0) > 0) return resolve('painted');
        // Warnings and errors only: a scan's "added" line names quantities and prices, not parts of codes.
        const feedbackSelector = '[data-testid="scan-feedback"]:not([data-kind="ok"])';
        const before = document.querySelector(feedbackSelector)?.textContent ?? '';
        const stop = new AbortController();
        const observer = new MutationObserver(() => {
          const now = document.querySelector(feedbackSelector)?.textContent ?? '';
          if (now === before) return;
          // Feedback that came after this scan began, naming a part of the code (with a digit, so no word of the sentence passes).
          const tokens = (now.match(/[A-Za-z0-9.-]+/g) ?? []).map((token) => token.replace(/\.+$/, ''));
          if (!tokens.some((token) => token !== scanned && /\d/.test(token) && scanned.includes(token))) return;
          clearTimeout(timer);
          stop.abort();
          observer.disconnect();
          resolve('split');
        });
        const timer = setTimeout(() => {
          stop.abort();
          observer.disconnect();
          reject(new Error(`scan ${n} (${scanned}) was not painted within 10 s; the checkout says: ${document.querySelector(feedbackSelector)?.textContent || 'nothing'}`));
        }, 10_000);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        window.addEventListener(
          'bench:scan-painted',
          () => {
            if (scans.length < n || (scans[n - 1]?.painted ?? 0) === 0) return;
            clearTimeout(timer);
            stop.abort();
            observer.disconnect();
            resolve('painted');
          },
          { signal: stop.signal },
        );
      }),
    { n: expected, scanned: code },
  );
  await scanner(code);
  return outcome;
}

/** Pays the sale on screen in exact cash and starts the next, from the keyboard as a cashier does. */
export async function completeSale(page: Page): Promise<void> {
  await page.keyboard.press('F9');
  await page.keyboard.press('F5');
  // The tender is main's: wait for its answer before completing.
  await page.getByTestId('pay-state').filter({ hasText: 'Paid in full' }).waitFor();
  await page.keyboard.press('F9');
  await page.getByTestId('receipt-next').waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('cart-empty').waitFor();
}

/** Enter → painted of `scans`, ascending. */
export function paintedMs(scans: readonly ScanTiming[]): number[] {
  return scans.map((x) => x.painted - x.enter).sort((a, b) => a - b);
}
