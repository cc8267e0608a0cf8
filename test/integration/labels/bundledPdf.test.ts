/**
 * The label sheet from the BUILT main process, not only from tsx: pdfkit loads its font metrics
 * lazily through package-private imports that a bundle breaks (see scripts/mainBundle.ts). The child
 * is bundled with the app's own main-bundle options, copied nowhere near node_modules, and run by
 * plain node; its PDF must carry the text and scan.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { bundleChild } from '../../support/bundleChild';
import { countByText, decodeLabelSheet } from '../../support/labelSheetDecoder';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-bundled-pdf-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('renders a label sheet from the bundled main code, with no node_modules in reach', async () => {
  const bundle = await bundleChild(path.resolve('test/integration/labels/support/renderSheetChild.ts'), dir);
  const pdfFile = path.join(dir, 'sheet.pdf');
  await run(process.execPath, [bundle, pdfFile], { cwd: dir, env: { PATH: process.env['PATH'] ?? '' } });

  const pdf = fs.readFileSync(pdfFile);
  expect(countByText(await decodeLabelSheet(pdf))).toEqual({ '1315L': 1, '8991001000019': 1 });
  // The standard font is named in the file and its text is there (pdfkit writes text as hex strings).
  const raw = pdf.toString('latin1');
  expect(raw).toContain('/BaseFont /Helvetica-Bold');
  const text = await run('pdftotext', [pdfFile, '-']);
  expect(text.stdout).toContain('Cardigan (L)');
  expect(text.stdout).toContain('Rp 280.000');
});
