/**
 * Backoffice bench (issue 14): how long the Invoices screen takes to show a page of the documented
 * maximum size, 500 rows. The screen's own table component (renderer/components/invoices) is bundled
 * with the app's styles and rendered in Chromium (Debian's, through Playwright); each run swaps in a
 * fresh page of 500 rows and times it from the state change to the end of the frame that painted
 * the rows in view (see backoffice/invoiceTablePage.tsx). The table draws those and a margin, not
 * all 500 (InvoiceTable.tsx); an informational row says how many it drew. The fetch is not counted: a page comes from DealPOS
 * once and from main's cache after that, and the request budget, not the screen, paces the fetches.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { percentile, type BenchRow } from './benchRow';

const GOAL_MS = 100;
const RUNS = 60;
const WARMUP = 3;
const here = path.dirname(new URL(import.meta.url).pathname);
const stylesDir = path.resolve(here, '../../renderer/styles');
const STYLES = ['tokens.css', 'base.css', 'shell.css', 'forms.css', 'screens.css'];

export async function run(): Promise<BenchRow[]> {
  const bundle = await build({
    entryPoints: [path.join(here, 'backoffice', 'invoiceTablePage.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    minify: true,
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const css = STYLES.map((file) => fs.readFileSync(path.join(stylesDir, file), 'utf8')).join('\n');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.setContent(`<!doctype html><html lang="id"><head><style>${css}</style></head><body><div id="root"></div></body></html>`);
    await page.addScriptTag({ content: script });
    const times: number[] = [];
    let drawn = 0;
    for (let i = 1; i <= WARMUP + RUNS; i++) {
      const result = await page.evaluate(
        (seed) => (window as unknown as { __renderPage: (s: number) => Promise<{ ms: number; rows: number }> }).__renderPage(seed),
        i,
      );
      if (i > WARMUP) times.push(result.ms);
      drawn = result.rows;
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    return [
      { name: 'invoice list page render ms (500 rows, p95)', area: 'backoffice', value: p95, unit: 'ms', goal: `≤ ${GOAL_MS} ms`, ok: p95 <= GOAL_MS },
      { name: 'invoice list page render ms (500 rows, median)', area: 'backoffice', value: percentile(times, 50), unit: 'ms', goal: '-', ok: null },
      { name: 'invoice list rows drawn of 500 (1280×800 window)', area: 'backoffice', value: drawn, unit: 'rows', goal: '-', ok: null },
    ];
  } finally {
    await browser.close();
  }
}
