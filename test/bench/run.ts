/**
 * `npm run bench [-- --json <file>] [-- --only <area>]`: runs every `test/bench/*.bench.ts` module and
 * prints one table of rows (name, area, value, unit, goal, holds). Exits non-zero if a goal fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from './benchRow';

function parseArgs(argv: readonly string[]): { json: string | null; only: string | null } {
  let json: string | null = null;
  let only: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = argv[++i] ?? null;
    else if (arg === '--only') only = argv[++i] ?? null;
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm run bench [-- --json <file>] [-- --only <area>]');
      process.exit(0);
    } else {
      console.error(`Unknown argument "${arg}". Usage: npm run bench [-- --json <file>] [-- --only <area>]`);
      process.exit(2);
    }
  }
  if (argv.includes('--json') && !json) {
    console.error('--json needs a file path');
    process.exit(2);
  }
  return { json, only };
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['name', 'area', 'value', 'unit', 'goal', 'holds'];
  const body = rows.map((r) => [r.name, r.area, formatValue(r.value), r.unit, r.goal, r.ok === null ? '-' : r.ok ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const { json, only } = parseArgs(process.argv.slice(2));
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    // An area (`store`) or a file's prefix (`store.busyMain`); `store.` reads as `store`.
    .filter((f) => !only || f.startsWith(`${only.replace(/\.+$/, '')}.`))
    .sort();
  const rows: BenchRow[] = [];
  for (const file of files) {
    console.error(`running ${file} …`);
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as BenchModule;
    rows.push(...(await mod.run()));
  }
  console.log(formatTable(rows));
  if (json) {
    fs.writeFileSync(json, `${JSON.stringify(rows, null, 2)}\n`);
    console.error(`wrote ${rows.length} rows to ${json}`);
  }
  if (rows.some((r) => r.ok === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
