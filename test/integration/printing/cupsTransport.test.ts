/**
 * The CUPS path, tested against a STAND-IN `lp` (a shell script put first on PATH), not real CUPS:
 * CI machines have no CUPS daemon. The stand-in records its arguments and standard input, and can
 * fail the way lp does for an unknown queue.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectedWith } from '../../support/thrownBy';
import { sendToCupsQueue } from '../../../main/printing/cupsTransport';
import { PrinterError } from '../../../main/printing/printerError';

let dir: string;
let lp: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-lp-'));
  lp = path.join(dir, 'lp');
  fs.writeFileSync(
    lp,
    `#!/bin/sh
printf '%s\\n' "$@" > "${dir}/args"
cat > "${dir}/input"
if [ "$2" = "missing" ]; then echo "lp: The printer or class does not exist." >&2; exit 1; fi
echo "request id is $2-42 (0 file(s))"
`,
    { mode: 0o755 },
  );
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const failureOf = (sending: Promise<unknown>): Promise<PrinterError> => rejectedWith(PrinterError, sending);

const bytes = new Uint8Array([0x1b, 0x40, 0x48, 0x69, 0x0a, 0x00, 0xff, 0x1d, 0x56, 0x01]);

describe.skipIf(process.platform === 'win32')('CUPS raw queue through a stand-in lp', () => {
  it('runs lp -d <queue> -o raw with the exact bytes on standard input', async () => {
    const result = await sendToCupsQueue('Counter1', bytes, { command: lp });
    expect(fs.readFileSync(path.join(dir, 'args'), 'utf8').split('\n').filter(Boolean)).toEqual(['-d', 'Counter1', '-o', 'raw']);
    expect(new Uint8Array(fs.readFileSync(path.join(dir, 'input')))).toEqual(bytes);
    expect(result.requestId).toBe('Counter1-42');
  });

  it('finds lp on PATH like the app does', async () => {
    const previous = process.env['PATH'];
    process.env['PATH'] = `${dir}${path.delimiter}${previous ?? ''}`;
    try {
      expect(execFileSync('sh', ['-c', 'command -v lp'], { encoding: 'utf8' }).trim()).toBe(lp);
      await sendToCupsQueue('Counter1', bytes);
    } finally {
      process.env['PATH'] = previous;
    }
    expect(fs.existsSync(path.join(dir, 'input'))).toBe(true);
  });

  it('an unknown queue reports what lp said', async () => {
    const error = await failureOf(sendToCupsQueue('missing', bytes, { command: lp }));
    expect(error.code).toBe('printer_unreachable');
    expect(error.message).toContain('lp: The printer or class does not exist.');
  });

  it('a queue name that could be read as an option is refused before lp runs', async () => {
    const error = await failureOf(sendToCupsQueue('-o raw', bytes, { command: lp }));
    expect(error.message).toContain('is not a CUPS queue name');
    expect(fs.existsSync(path.join(dir, 'args'))).toBe(false);
  });

  it('a missing lp says to install CUPS', async () => {
    const error = await failureOf(sendToCupsQueue('Counter1', bytes, { command: path.join(dir, 'no-lp') }));
    expect(error.code).toBe('printer_unsupported');
    expect(error.message).toContain('install CUPS');
  });

  it('on Windows the queue is documented as not supported yet', async () => {
    const error = await failureOf(sendToCupsQueue('Counter1', bytes, { command: lp, platform: 'win32' }));
    expect(error.code).toBe('printer_unsupported');
    expect(error.message).toContain('not supported yet');
  });
});
