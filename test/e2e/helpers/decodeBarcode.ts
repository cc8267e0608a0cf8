/**
 * Reads the barcodes in a screenshot with ZXing (zxing-wasm), its .wasm loaded from node_modules:
 * nothing is fetched while tests run. Used to prove the receipt's barcode scans back to its number.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

const require = createRequire(import.meta.url);
let prepared: Promise<unknown> | null = null;

/** The Code 128 texts ZXing finds in a PNG. */
export async function decodeCode128(png: Buffer): Promise<string[]> {
  if (!prepared) {
    const wasm = fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    prepared = prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  }
  await prepared;
  const results = await readBarcodes(new Uint8Array(png), { formats: ['Code128'], tryHarder: true });
  return results.filter((r) => r.isValid).map((r) => r.text);
}
