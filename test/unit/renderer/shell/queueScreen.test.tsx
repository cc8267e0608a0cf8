import '../support/fakeHost';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueEntry, QueueState, QueueView } from '../../../../shared/contract/queue';
import { QueueScreen } from '../../../../renderer/screens/queue/QueueScreen';
import { useStore } from '../../../../renderer/state/store';
import { fakeHost } from '../support/fakeHost';
import { queueEntry } from '../support/queueFixtures';
import { handleBasics, renderScreen, resetAll, withStatus } from '../support/renderApp';

afterEach(resetAll);

let entries: QueueEntry[] = [];

const VIEW_STATES: Record<QueueView, readonly QueueState[]> = {
  waiting: ['pending', 'sending'],
  synced: ['synced'],
  voided: ['voided'],
  all: ['pending', 'sending', 'rejected', 'synced', 'voided'],
};

function serveQueue(): void {
  fakeHost.handle('queue.list', ({ state }) => entries.filter((e) => e.state === (state as QueueState)));
  fakeHost.handle('queue.page', ({ view, offset, limit, number }) => {
    const inView = entries.filter((e) => VIEW_STATES[view].includes(e.state) && (!number || e.invoiceNumber.toLowerCase().includes(number.toLowerCase())));
    return { entries: inView.slice(offset, offset + limit), total: inView.length, offset };
  });
  fakeHost.handle('settings.options', () => ({
    outlets: [
      { id: '1', name: 'Jakarta Pusat' },
      { id: '2', name: 'Bandung' },
    ],
    paymentMethods: [
      { id: '1', name: 'Cash', type: 'Cash' },
      { id: '2', name: 'Debit Card', type: 'Card' },
      { id: '4', name: 'QRIS', type: 'QRIS' },
    ],
    taxes: [{ id: 't1', name: 'No Tax', rateBasisPoints: 0, inclusive: false }],
    source: 'dealpos' as const,
    fetchedAt: '2026-11-22T09:00:00+07:00',
  }));
}

async function openQueue(): Promise<void> {
  handleBasics();
  serveQueue();
  await renderScreen(<QueueScreen />);
  await screen.findByTestId('queue-attention');
}

beforeEach(() => {
  entries = [];
});

/** Serves `rejected` as the only entry: edit answers it as edited, retry moves it to pending. */
function serveRejected(rejected: QueueEntry): void {
  entries = [rejected];
  fakeHost.handle('queue.edit', ({ localId }) => ({ ...rejected, localId, edited: true }));
  fakeHost.handle('queue.retry', () => {
    entries = [{ ...rejected, state: 'pending', edited: true }];
    return entries[0] as QueueEntry;
  });
}

describe('queue screen', () => {
  it('lists rejected invoices with the server message, pending ones and recently synced ones', async () => {
    entries = [
      queueEntry({ invoiceNumber: 'R1-00007', state: 'rejected', lastError: 'Variant code TEA-01 is discontinued', attempts: 1 }),
      queueEntry({ invoiceNumber: 'R1-00008', state: 'pending', attempts: 2, lastError: 'DealPOS could not be reached' }),
      queueEntry({ invoiceNumber: 'R1-00009', state: 'sending' }),
      queueEntry({ invoiceNumber: 'R1-00003', state: 'synced', serverId: 'INV-991', syncedAt: '2026-11-22T10:30:00+07:00' }),
    ];
    await openQueue();
    const card = screen.getByTestId('queue-rejected-R1-00007');
    expect(within(card).getByTestId('queue-error').textContent).toContain('Variant code TEA-01 is discontinued');
    expect(card.textContent).toContain('Teh Botol');
    expect(card.textContent).toMatch(/Rp\s?27\.500/);
    expect(screen.getByTestId('queue-pending-R1-00008').textContent).toContain('DealPOS could not be reached');
    expect(screen.getByTestId('queue-pending-R1-00009').dataset.state).toBe('sending');
    expect(screen.getByTestId('queue-synced-R1-00003').textContent).toContain('INV-991');
  });

  it('words a connectivity failure for people, in the UI language, never with the socket’s code', async () => {
    const raw = 'Cannot reach DealPOS (Invoice): UND_ERR_SOCKET';
    entries = [queueEntry({ invoiceNumber: 'R1-00031', state: 'pending', attempts: 3, lastError: raw, lastErrorCode: 'network' })];
    await openQueue();
    const row = screen.getByTestId('queue-pending-R1-00031');
    expect(row.textContent).toContain('DealPOS cannot be reached. Check this computer’s internet connection');
    expect(row.textContent).not.toContain('UND_ERR_SOCKET');
    act(() => useStore.setState((s) => ({ settings: { ...s.settings, locale: 'id' } })));
    expect(screen.getByTestId('queue-pending-R1-00031').textContent).toContain('DealPOS tidak dapat dijangkau');
  });

  it('shows under each invoice what a manager approved on the sale, and who', async () => {
    const approval = { action: 'line_discount' as const, approvedBy: 'Bu Sari', approvedAt: '2026-11-22T10:00:00+07:00', detail: 'Teh Botol: 50% off' };
    entries = [
      queueEntry({ invoiceNumber: 'R1-00021', state: 'pending', approvals: [approval] }),
      queueEntry({ invoiceNumber: 'R1-00022', state: 'rejected', lastError: 'Outlet closed', approvals: [{ ...approval, action: 'price_override', detail: 'Roti: price Rp 10.000 (was Rp 12.500)' }] }),
      queueEntry({ invoiceNumber: 'R1-00023', state: 'synced', serverId: 'INV-1', syncedAt: '2026-11-22T10:30:00+07:00' }),
    ];
    await openQueue();
    expect(within(screen.getByTestId('queue-pending-R1-00021')).getByTestId('queue-approvals').textContent).toBe('Teh Botol: 50% off, approved by Bu Sari');
    expect(within(screen.getByTestId('queue-rejected-R1-00022')).getByTestId('queue-approvals').textContent).toContain('price Rp 10.000 (was Rp 12.500), approved by Bu Sari');
    expect(within(screen.getByTestId('queue-synced-R1-00023')).queryByTestId('queue-approvals')).toBeNull();
  });

  it('fixes a rejected line code and resends: edit carries only what changed, then retry', async () => {
    const rejected = queueEntry({ invoiceNumber: 'R1-00011', state: 'rejected', lastError: 'Unknown variant TEA-01' });
    serveRejected(rejected);
    await openQueue();
    const card = screen.getByTestId('queue-rejected-R1-00011');
    await userEvent.click(within(card).getByTestId('queue-fix'));
    const code = within(card).getByTestId('fix-code-0');
    await userEvent.clear(code);
    await userEvent.type(code, 'TEA-02');
    await userEvent.click(within(card).getByTestId('fix-save'));
    expect(await screen.findByTestId('queue-flash')).toHaveProperty('textContent', 'Invoice R1-00011 was sent again.');
    expect(fakeHost.calls('queue.edit').map((c) => c.input)).toEqual([
      { localId: rejected.localId, patch: { variants: [{ action: 'replace', index: 0, code: 'TEA-02' }] } },
    ]);
    expect(fakeHost.calls('queue.retry')).toHaveLength(1);
    expect(screen.queryByTestId('queue-rejected-R1-00011')).toBeNull();
    expect(screen.getByTestId('queue-pending-R1-00011')).toBeTruthy();
  });

  it('renames a payment method DealPOS no longer lists: only the changed payment goes into the patch', async () => {
    const base = queueEntry();
    const rejected = queueEntry({
      invoiceNumber: 'R1-00015',
      state: 'rejected',
      lastError: 'Payment method Kartu Debit is not found',
      payload: {
        ...base.payload,
        Number: 'R1-00015',
        Payments: [
          { Amount: 7500, Method: 'Cash' },
          { Amount: 20000, Method: 'Kartu Debit' },
        ],
      },
    });
    serveRejected(rejected);
    await openQueue();
    const card = screen.getByTestId('queue-rejected-R1-00015');
    await userEvent.click(within(card).getByTestId('queue-fix'));
    const cash = within(card).getByTestId<HTMLSelectElement>('fix-payment-0');
    const debit = within(card).getByTestId<HTMLSelectElement>('fix-payment-1');
    expect(cash.value).toBe('Cash');
    // The method DealPOS no longer lists stays selected until the manager picks another.
    expect(debit.value).toBe('Kartu Debit');
    expect(within(card).getByRole('combobox', { name: /Payment method: Rp\s?20\.000/ })).toBe(debit);
    await userEvent.selectOptions(debit, 'Debit Card');
    await userEvent.click(within(card).getByTestId('fix-save'));
    expect(await screen.findByTestId('queue-flash')).toHaveProperty('textContent', 'Invoice R1-00015 was sent again.');
    expect(fakeHost.calls('queue.edit').map((c) => c.input)).toEqual([{ localId: rejected.localId, patch: { payments: [{ index: 1, method: 'Debit Card' }] } }]);
    expect(fakeHost.calls('queue.retry')).toHaveLength(1);
  });

  it('will not resend a payment without a method', async () => {
    entries = [queueEntry({ invoiceNumber: 'R1-00016', state: 'rejected', lastError: 'Payment method Cash is suspended' })];
    await openQueue();
    const card = screen.getByTestId('queue-rejected-R1-00016');
    await userEvent.click(within(card).getByTestId('queue-fix'));
    const method = within(card).getByTestId<HTMLSelectElement>('fix-payment-0');
    await userEvent.selectOptions(method, '');
    await userEvent.click(within(card).getByTestId('fix-save'));
    expect(method.getAttribute('aria-invalid')).toBe('true');
    expect(card.textContent).toContain('Cannot be empty.');
    expect(fakeHost.calls('queue.edit')).toHaveLength(0);
  });

  it('does not resend when the fix is refused, and shows why', async () => {
    const rejected = queueEntry({ invoiceNumber: 'R1-00012', state: 'rejected', lastError: 'Outlet closed' });
    entries = [rejected];
    fakeHost.handle('queue.edit', () => {
      throw fakeHost.error({ code: 'conflict', message: 'The invoice is being sent right now' });
    });
    await openQueue();
    const card = screen.getByTestId('queue-rejected-R1-00012');
    await userEvent.click(within(card).getByTestId('queue-fix'));
    await userEvent.selectOptions(within(card).getByTestId('fix-outlet'), 'Bandung');
    await userEvent.click(within(card).getByTestId('fix-save'));
    expect((await within(card).findByTestId('fix-error')).textContent).toContain('The invoice is being sent right now');
    expect(fakeHost.calls('queue.retry')).toHaveLength(0);
  });

  it('asks for a change before saving an unchanged fix', async () => {
    entries = [queueEntry({ invoiceNumber: 'R1-00013', state: 'rejected', lastError: 'x' })];
    await openQueue();
    const card = screen.getByTestId('queue-rejected-R1-00013');
    await userEvent.click(within(card).getByTestId('queue-fix'));
    await userEvent.click(within(card).getByTestId('fix-save'));
    expect(within(card).getByTestId('fix-error').textContent).toContain('Change something first');
    expect(fakeHost.calls('queue.edit')).toHaveLength(0);
  });

  it('voids only with a reason of at least three characters and a manager’s PIN, and shows who approved', async () => {
    const rejected = queueEntry({ invoiceNumber: 'R1-00014', state: 'rejected', lastError: 'Customer unknown' });
    entries = [rejected];
    fakeHost.handle('manager.approve', ({ pin }) => {
      if (pin !== '4821') throw fakeHost.error({ code: 'forbidden', message: 'Wrong manager PIN', details: { attemptsLeft: 4 } });
      return { approvalId: 'approval-1', approvedBy: 'Budi', expiresAt: '2026-11-22T10:02:00+07:00' };
    });
    fakeHost.handle('queue.void', ({ reason }) => {
      entries = [{ ...rejected, state: 'voided', voidReason: reason, voidedBy: 'Budi' }];
      return entries[0] as QueueEntry;
    });
    await openQueue();
    const card = screen.getByTestId('queue-rejected-R1-00014');
    await userEvent.click(within(card).getByTestId('queue-void'));
    await userEvent.type(within(card).getByTestId('void-reason'), 'no');
    await userEvent.click(within(card).getByTestId('void-confirm'));
    expect(card.textContent).toContain('at least 3 characters');
    expect(screen.queryByTestId('void-approval-dialog')).toBeNull();
    await userEvent.type(within(card).getByTestId('void-reason'), 't sold');
    await userEvent.click(within(card).getByTestId('void-confirm'));

    const dialog = await screen.findByTestId('void-approval-dialog');
    expect(within(dialog).getByTestId('manager-approval-description').textContent).toContain('R1-00014');
    expect(document.activeElement).toBe(within(dialog).getByTestId('manager-pin'));
    await userEvent.type(within(dialog).getByTestId('manager-pin'), '1111{Enter}');
    expect((await within(dialog).findByTestId('manager-approval-error')).textContent).toBe('Wrong manager PIN. 4 attempts left.');
    expect((within(dialog).getByTestId('manager-pin') as HTMLInputElement).value).toBe('');
    expect(fakeHost.calls('queue.void')).toHaveLength(0);

    await userEvent.type(within(dialog).getByTestId('manager-pin'), '4821{Enter}');
    expect((await screen.findByTestId('queue-voided-R1-00014')).textContent).toContain('not sold');
    expect(screen.getByTestId('queue-voided-R1-00014').textContent).toContain('Budi');
    expect(screen.queryByTestId('void-approval-dialog')).toBeNull();
    expect(fakeHost.calls('manager.approve').map((c) => c.input)).toEqual([
      { request: { action: 'queue_void', localId: rejected.localId }, pin: '1111' },
      { request: { action: 'queue_void', localId: rejected.localId }, pin: '4821' },
    ]);
    expect(fakeHost.calls('queue.void').map((c) => c.input)).toEqual([{ localId: rejected.localId, reason: 'not sold', approvalId: 'approval-1' }]);
  });

  it('leaves the invoice alone when the manager prompt is cancelled, and says when PINs are locked', async () => {
    const rejected = queueEntry({ invoiceNumber: 'R1-00015', state: 'rejected', lastError: 'Customer unknown' });
    entries = [rejected];
    fakeHost.handle('manager.approve', () => {
      throw fakeHost.error({ code: 'rate_limited', message: 'Too many', details: { retryAt: '2026-11-22T10:05:00.000+07:00', retryAfterMs: 300_000 } });
    });
    await openQueue();
    const card = screen.getByTestId('queue-rejected-R1-00015');
    await userEvent.click(within(card).getByTestId('queue-void'));
    await userEvent.type(within(card).getByTestId('void-reason'), 'not sold');
    await userEvent.click(within(card).getByTestId('void-confirm'));
    const dialog = await screen.findByTestId('void-approval-dialog');
    await userEvent.type(within(dialog).getByTestId('manager-pin'), '12{Enter}');
    expect(within(dialog).getByTestId('manager-approval-error').textContent).toBe('A manager PIN is 4 to 12 digits.');
    expect(fakeHost.calls('manager.approve')).toHaveLength(0);
    await userEvent.type(within(dialog).getByTestId('manager-pin'), '1234{Enter}');
    expect((await within(dialog).findByTestId('manager-approval-error')).textContent).toBe('Too many wrong PINs in a row. Try again at 10:05.');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('void-approval-dialog')).toBeNull();
    expect(fakeHost.calls('queue.void')).toHaveLength(0);
    expect(screen.getByTestId('queue-rejected-R1-00015')).toBeTruthy();
  });

  it('shows a draining backlog as n of N sent, the requests used and the time left at the quota, in English and Indonesian', async () => {
    await openQueue();
    expect(screen.queryByTestId('queue-drain')).toBeNull();
    const drain = {
      sent: 1_250,
      total: 20_000,
      requests: 51,
      requestsLeft: 750,
      timeLeftMs: (750 / 40) * 180_000,
      interactiveShare: { reserved: 10, limit: 50, windowSeconds: 180 },
    };
    act(() => useStore.getState().setStatus(withStatus({ queue: { pending: 18_750, drain } })));
    const line = await screen.findByTestId('queue-drain');
    expect((line).textContent).toContain('1,250 of 20,000 sent · 51 requests used');
    expect((within(line).getByTestId('queue-drain-eta')).textContent).toContain('About 56 min left at 40 requests per 3 min (750 requests).');
    expect((line).textContent).toContain('10 of every 50 requests stay free for customer lookups, PIN checks and unknown codes at the counter.');
    expect(within(line).getByRole('progressbar').getAttribute('value')).toBe('1250');
    await act(() => useStore.getState().setLocale('id'));
    expect((await screen.findByTestId('queue-drain')).textContent).toContain('1.250 dari 20.000 terkirim · 51 permintaan terpakai');
    act(() => useStore.getState().setStatus(withStatus({ queue: { pending: 3, drain: { ...drain, timeLeftMs: null, interactiveShare: null } } })));
    expect((screen.getByTestId('queue-drain-eta')).textContent).toContain('Sisa waktu diketahui setelah DealPOS menjawab (750 permintaan).');
    act(() => useStore.getState().setStatus(withStatus({ queue: { pending: 0, drain: null } })));
    expect(screen.queryByTestId('queue-drain')).toBeNull();
  });

  it('says sync is paused by a full disk, where to free space and how much is free, in English and Indonesian', async () => {
    await openQueue();
    expect(screen.queryByTestId('queue-disk-full')).toBeNull();
    const disk = { folder: '/home/kasir/.config/DealPOS Counter', freeBytes: 1_500_000, since: '2026-12-06T10:00:00.000Z' };
    // The disk line replaces main's English pause reason, which says the same for the log.
    act(() => useStore.getState().setStatus(withStatus({ queue: { pending: 34, pausedReason: 'Disk full' }, disk })));
    const notice = await screen.findByTestId('queue-disk-full');
    expect(notice.textContent).toBe(
      'Sync paused: disk full. Free space on /home/kasir/.config/DealPOS Counter (1.5 MB free); new sales wait until there is room.',
    );
    expect(screen.queryByText(/Sync paused: Disk full$/)).toBeNull();
    await act(() => useStore.getState().setLocale('id'));
    expect(screen.getByTestId('queue-disk-full').textContent).toBe(
      'Sinkronisasi dijeda: disk penuh. Kosongkan ruang di /home/kasir/.config/DealPOS Counter (sisa 1,5 MB); penjualan baru menunggu sampai ada ruang.',
    );
    act(() => useStore.getState().setStatus(withStatus({ queue: { pending: 34 } })));
    expect(screen.queryByTestId('queue-disk-full')).toBeNull();
  });

  it('reloads when main reports a queue change, and F5 asks main to sync now', async () => {
    fakeHost.handle('queue.syncNow', () => ({ pending: 0, needsAttention: 0 }));
    await openQueue();
    entries = [queueEntry({ invoiceNumber: 'R1-00020', state: 'pending' })];
    act(() => fakeHost.emit('queueChanged', { pending: 1, needsAttention: 0 }));
    expect(await screen.findByTestId('queue-pending-R1-00020')).toBeTruthy();
    await userEvent.keyboard('{F5}');
    expect(fakeHost.calls('queue.syncNow')).toHaveLength(1);
  });
});
