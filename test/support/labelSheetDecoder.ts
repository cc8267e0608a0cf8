/**
 * Reads a label sheet PDF back the way a scanner would see it printed: poppler's `pdftoppm` renders
 * each page at printer resolution (Debian `poppler-utils`), and zxing-wasm decodes every barcode on
 * it. The decoder's .wasm is loaded from node_modules, so nothing is fetched at run time.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

const run = promisify(execFile);
let prepared: Promise<unknown> | null = null;

function prepare(): Promise<unknown> {
  if (!prepared) {
    const wasm = fs.readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    prepared = prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) }, fireImmediately: true });
  }
  return prepared;
}

export interface DecodedBarcode {
  /** 1-based page number. */
  readonly page: number;
  /** zxing's name: EAN13, UPCA, EAN8, Code128… */
  readonly format: string;
  readonly text: string;
}

export async function decodeLabelSheet(pdf: Uint8Array, dpi = 300): Promise<DecodedBarcode[]> {
  await prepare();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-labels-'));
  try {
    const file = path.join(dir, 'sheet.pdf');
    fs.writeFileSync(file, pdf);
    try {
      await run('pdftoppm', ['-r', String(dpi), '-png', file, path.join(dir, 'page')]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftoppm is missing: install poppler-utils (apt-get install poppler-utils)');
      throw error;
    }
    const pages = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.png'))
      .sort((a, b) => Number(/(\d+)\.png$/.exec(a)?.[1]) - Number(/(\d+)\.png$/.exec(b)?.[1]));
    const decoded: DecodedBarcode[] = [];
    for (const [index, name] of pages.entries()) {
      const results = await readBarcodes(new Uint8Array(fs.readFileSync(path.join(dir, name))), {
        formats: ['EAN13', 'UPCA', 'EAN8', 'Code128'],
        maxNumberOfSymbols: 64,
        tryHarder: true,
      });
      for (const result of results) decoded.push({ page: index + 1, format: result.format, text: result.text });
    }
    return decoded;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** How many times each text was decoded. */
export function countByText(decoded: readonly DecodedBarcode[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { text } of decoded) counts[text] = (counts[text] ?? 0) + 1;
  return counts;
}
