import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectedWith } from '../../support/thrownBy';
import { sendToNetworkPrinter } from '../../../main/printing/networkTransport';
import { PrinterError } from '../../../main/printing/printerError';
import { parsePrinterAddress } from '../../../shared/printing/printerAddress';
import { refusedPort, startFakePrinter, type FakePrinter } from '../../support/fakePrinter';

let printer: FakePrinter;
beforeEach(async () => {
  printer = await startFakePrinter();
});
afterEach(async () => {
  await printer.close();
});

const failureOf = (sending: Promise<unknown>): Promise<PrinterError> => rejectedWith(PrinterError, sending);

const job = new Uint8Array(20_000).map((_, i) => 0x20 + (i % 90));
const fast = { connectMs: 1_000, idleMs: 400 };

describe('network printer transport (real TCP on 127.0.0.1)', () => {
  it('delivers every byte of a job exactly once and resolves when the printer closes', async () => {
    await sendToNetworkPrinter({ host: '127.0.0.1', port: printer.port }, job, fast);
    expect(printer.jobs).toHaveLength(1);
    expect(Buffer.from(printer.jobs[0] ?? []).equals(Buffer.from(job))).toBe(true);
  });

  it('a refused port says so and names the address', async () => {
    const port = await refusedPort();
    const error = await failureOf(sendToNetworkPrinter({ host: '127.0.0.1', port }, job, fast));
    expect(error.code).toBe('printer_refused');
    expect(error.message).toContain(`127.0.0.1:${port} refused the connection`);
  });

  it('a printer that closes the connection mid-job is a failure that says so', async () => {
    printer.behave({ kind: 'closesAfter', bytes: 1_000 });
    const error = await failureOf(sendToNetworkPrinter({ host: '127.0.0.1', port: printer.port }, job, fast));
    expect(error.code).toBe('printer_io');
    expect(error.message).toContain('closed the connection mid-job');
    expect(printer.jobs).toHaveLength(0);
  });

  it('a printer that stops answering times out with its own message', async () => {
    printer.behave({ kind: 'silent' });
    const started = Date.now();
    const error = await failureOf(sendToNetworkPrinter({ host: '127.0.0.1', port: printer.port }, job, fast));
    expect(error.code).toBe('printer_timeout');
    expect(error.message).toContain('stopped answering');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('an unknown host name gets a message about the name', async () => {
    const error = await failureOf(sendToNetworkPrinter({ host: 'no-such-printer.invalid', port: 9100 }, job, fast));
    expect(['printer_unreachable', 'printer_timeout']).toContain(error.code);
  });
});

describe('network printer status (a real TCP printer on 127.0.0.1 answering DLE EOT as Epson documents it)', () => {
  const to = (): { host: string; port: number } => ({ host: '127.0.0.1', port: printer.port });

  it('a printer out of paper gets no job and says why; once paper is loaded the same job prints exactly once', async () => {
    printer.condition({ paper: 'end' });
    const error = await failureOf(sendToNetworkPrinter(to(), job, fast));
    expect(error.code).toBe('printer_paper_out');
    expect(error.message).toContain(`${printer.address} is out of paper`);
    expect(printer.questions).toEqual([1, 2, 4]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(printer.jobs).toHaveLength(0);

    printer.condition({ paper: 'ok' });
    const outcome = await sendToNetworkPrinter(to(), job, fast);
    expect(outcome).toEqual({ answersStatus: true, before: { offline: false, coverOpen: false, paper: 'ok' }, paperAfter: 'ok' });
    expect(printer.jobs).toHaveLength(1);
    expect(Buffer.from(printer.jobs[0] ?? []).equals(Buffer.from(job))).toBe(true);
  });

  it('a printer with its cover open gets no job and says so', async () => {
    printer.condition({ coverOpen: true });
    const error = await failureOf(sendToNetworkPrinter(to(), job, fast));
    expect(error.code).toBe('printer_cover_open');
    expect(error.message).toContain('cover open');
    expect(printer.jobs).toHaveLength(0);
  });

  it('a printer whose paper is nearly out prints the job and says its paper is low', async () => {
    printer.condition({ paper: 'near_end' });
    const outcome = await sendToNetworkPrinter(to(), job, fast);
    expect(outcome.paperAfter).toBe('near_end');
    expect(printer.jobs).toHaveLength(1);
    expect(Buffer.from(printer.jobs[0] ?? []).equals(Buffer.from(job))).toBe(true);
  });

  it('a printer that never answers status questions prints as before: status unknown, not an error', async () => {
    printer.condition({ answersStatus: false });
    const outcome = await sendToNetworkPrinter(to(), job, { ...fast, statusMs: 150 });
    expect(outcome).toEqual({ answersStatus: false, before: null, paperAfter: null });
    expect(printer.jobs).toHaveLength(1);
    expect(Buffer.from(printer.jobs[0] ?? []).equals(Buffer.from(job))).toBe(true);
  });

  it('asked not to, it sends the job without a status question', async () => {
    const outcome = await sendToNetworkPrinter(to(), job, fast, { askStatus: false });
    expect(outcome.answersStatus).toBe(false);
    expect(printer.questions).toEqual([]);
    expect(printer.jobs).toHaveLength(1);
  });

  it('a printer that answered before the job and then goes silent is reported as stopped mid-job, before the idle timeout', async () => {
    printer.behave({ kind: 'silentAfterStatus' });
    const started = Date.now();
    const error = await failureOf(sendToNetworkPrinter(to(), job, { connectMs: 1_000, idleMs: 10_000, answerMs: 300 }));
    expect(error.code).toBe('printer_timeout');
    expect(error.message).toContain(`The printer at ${printer.address} stopped answering mid-job (it answered before the job, not within 0.3 s after it)`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(printer.jobs).toHaveLength(0);
  });
});

describe('printer address', () => {
  it.each([
    ['192.168.1.50:9100', { host: '192.168.1.50', port: 9100 }],
    ['printer.local:9100', { host: 'printer.local', port: 9100 }],
    ['[fe80::1]:9100', { host: 'fe80::1', port: 9100 }],
  ])('%s is host:port', (text, address) => {
    expect(parsePrinterAddress(text)).toEqual({ ok: true, address });
  });
  it.each([
    ['', /Enter the printer's address as host:port/],
    ['192.168.1.50', /has no port/],
    ['192.168.1.50:', /must be a number/],
    ['192.168.1.50:99999', /Port 99999 is out of range/],
    ['192.168.1.50:0', /out of range/],
    ['http://printer:9100', /is not host:port/],
    ['my printer:9100', /is not host:port/],
    ['printer_1!:9100', /not a host name/],
  ])('%j is refused with a specific message', (text, message) => {
    const parsed = parsePrinterAddress(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
