import '../support/fakeHost';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrintJob } from '../../../../shared/contract/printing';
import { translate, type MessageKey, type MessageParams } from '../../../../renderer/i18n/t';
import { PrintJobsBanner } from '../../../../renderer/screens/checkout/PrintJobsBanner';
import { fakeHost } from '../support/fakeHost';

const failed = (id: number, invoiceNumber: string, lastErrorCode: string, lastError: string): PrintJob => ({
  id,
  kind: 'receipt',
  invoiceNumber,
  state: 'failed',
  attempts: 1,
  lastError,
  lastErrorCode,
  createdAt: '2026-12-06T13:00:00.000Z',
});

const OUT_OF_PAPER = failed(2, 'POS-0002', 'printer_paper_out', 'The printer at 192.168.1.50:9100 is out of paper: load a new roll, then retry');
const REFUSED = failed(1, 'POS-0001', 'printer_refused', 'The printer at 192.168.1.50:9100 refused the connection: check the port (usually 9100)');

afterEach(() => {
  cleanup();
  fakeHost.reset();
});

describe('print jobs banner (what main says of the printer, in the counter language)', () => {
  it.each([
    ['en', 'Receipt POS-0002 was not printed: the receipt printer is out of paper. Load a new roll, then retry.', 'Retry', 'The receipt printer’s paper is running low: have a new roll ready.'],
    ['id', 'Struk POS-0002 belum tercetak: kertas printer struk habis. Pasang gulungan baru, lalu coba lagi.', 'Coba lagi', 'Kertas printer struk hampir habis: siapkan gulungan baru.'],
  ] as const)('%s: an out-of-paper job in words with its retry; other failures keep main’s message; the low-paper notice follows the printer', async (locale, reason, retry, low) => {
    const t = (key: MessageKey, params?: MessageParams): string => translate(locale, key, params);
    fakeHost.handle('printing.jobs', () => [OUT_OF_PAPER, REFUSED]);
    fakeHost.handle('printing.paper', () => null);
    fakeHost.handle('printing.retry', ({ id }): PrintJob => ({ ...OUT_OF_PAPER, id, state: 'pending' }));
    render(<PrintJobsBanner t={t} onDone={() => undefined} />);

    const [paperJob, refusedJob] = await screen.findAllByTestId('print-job');
    expect(paperJob?.textContent).toContain(reason);
    expect(paperJob?.textContent).not.toContain('192.168.1.50');
    expect(refusedJob?.textContent).toContain(REFUSED.lastError ?? '');
    expect(screen.queryByTestId('printer-paper')).toBeNull();

    await userEvent.click(within(paperJob as HTMLElement).getByRole('button', { name: retry }));
    expect(fakeHost.calls('printing.retry').map((c) => c.input)).toEqual([{ id: OUT_OF_PAPER.id }]);

    // The next receipt printed on a nearly empty roll: the notice stays without any failed job.
    act(() => fakeHost.emit('printJobs', { failed: 0, jobs: [], paper: 'near_end' }));
    expect((await screen.findByTestId('printer-paper')).textContent).toBe(low);
    expect(screen.queryByTestId('print-job')).toBeNull();
    act(() => fakeHost.emit('printJobs', { failed: 0, jobs: [], paper: null }));
    expect(screen.queryByTestId('print-jobs')).toBeNull();
  });
});
