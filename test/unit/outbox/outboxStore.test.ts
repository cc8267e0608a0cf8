import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SaleService } from '../../../main/sale/saleService';
import { openDatabase } from '../../../main/store/database';
import { OutboxStore } from '../../../main/store/outboxStore';
import { ServiceError } from '../../../shared/errors';
import { parseInvoiceNumber } from '../../../shared/invoice/invoiceNumber';
import { paidSale, SETTINGS, tempDatabase } from './fixtures';

const DAY1 = Date.UTC(2026, 10, 22, 3, 0, 0);
const DAY2 = DAY1 + 24 * 3600_000;

let db: ReturnType<typeof tempDatabase>;
let now = DAY1;
let store: OutboxStore;
let sales: SaleService;

function build(opened = db.opened): { store: OutboxStore; sales: SaleService } {
  const s = new OutboxStore(opened.db);
  return { store: s, sales: new SaleService({ store: s, settings: () => SETTINGS, now: () => now, offsetMinutes: () => 420 }) };
}

beforeEach(() => {
  now = DAY1;
  db = tempDatabase();
  ({ store, sales } = build());
});
afterEach(() => db.cleanup());

function count(table: string): number {
  return (db.opened.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('recording a sale', () => {
  it('writes the sale and a pending outbox row with the full payload, numbered per register', () => {
    // The file's durability settings: a commit is on disk (WAL fsynced) when recordSale returns.
    expect(db.opened.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.opened.db.pragma('synchronous', { simple: true })).toBe(2);
    const first = sales.complete(paidSale());
    const second = sales.complete(paidSale());
    const a = parseInvoiceNumber(first.invoiceNumber);
    const b = parseInvoiceNumber(second.invoiceNumber);
    expect(a).toMatchObject({ prefix: 'POS', day: '261122', seq: 1 });
    expect(b).toMatchObject({ prefix: 'POS', registerCode: a?.registerCode, day: '261122', seq: 2 });
    expect(first.completedAt).toBe('2026-11-22T10:00:00.000+07:00');
    expect(first.totals.total).toBe(380_000);

    const entry = store.get(first.localId);
    expect(entry).toMatchObject({ state: 'pending', attempts: 0, maybeSent: false, serverId: null, invoiceNumber: first.invoiceNumber });
    expect(entry?.payload).toMatchObject({ Outlet: 'Outlet1', Number: first.invoiceNumber, Date: '2026-11-22', Tag: 'Offline' });
    expect(count('sale')).toBe(2);
    expect(store.stats()).toEqual({ pending: 2, needsAttention: 0, oldestPendingAt: DAY1, lastSyncedAt: null });
  });

  it('refuses a sale main finds unpaid, whatever the renderer said, and writes nothing', () => {
    const sale = paidSale();
    const unpaid = { ...sale, payments: [{ method: 'Cash', amount: 1, cash: true }] };
    const error = (() => {
      try {
        sales.complete(unpaid);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('validation');
    expect((error as ServiceError).issues?.[0]?.path).toBe('sale.payments');
    expect(() => sales.complete({ ...sale, lines: [], payments: [] })).toThrow(/no items/);
    expect(count('sale') + count('outbox') + count('invoice_sequence')).toBe(0);
  });

  it('needs an outlet before it numbers anything', () => {
    const s = new SaleService({ store, settings: () => ({ ...SETTINGS, outlet: null }) });
    expect(() => s.complete(paidSale())).toThrow(expect.objectContaining({ code: 'not_configured' }));
    expect(count('invoice_sequence')).toBe(0);
  });

  it('accepts the longest prefix, and refuses a sale whose invoice DealPOS could not take, saving nothing', () => {
    const long = new SaleService({ store, settings: () => ({ ...SETTINGS, invoiceNumberPrefix: 'A./-B'.padEnd(16, 'X') }), now: () => now });
    expect(long.complete(paidSale()).invoiceNumber).toHaveLength(16 + 1 + 5 + 1 + 6 + 1 + 4);
    const broken = new SaleService({ store, settings: () => ({ ...SETTINGS, salesTag: '' }), now: () => now });
    expect(() => broken.complete(paidSale())).toThrow(expect.objectContaining({ code: 'validation', issues: [expect.objectContaining({ path: 'invoice.Tag' })] }));
    expect(count('sale')).toBe(1);
  });

  it('never reuses a number after a restart, and starts each day at 1', () => {
    const before = sales.complete(paidSale()).invoiceNumber;
    db.opened.close();
    const reopened = openDatabase({ file: db.file });
    const again = build(reopened);
    const after = again.sales.complete(paidSale()).invoiceNumber;
    now = DAY2;
    const nextDay = again.sales.complete(paidSale()).invoiceNumber;
    reopened.close();
    db = { ...db, opened: openDatabase({ file: db.file }) };
    expect(parseInvoiceNumber(after)?.seq).toBe(2);
    expect(parseInvoiceNumber(after)?.registerCode).toBe(parseInvoiceNumber(before)?.registerCode);
    expect(parseInvoiceNumber(nextDay)).toMatchObject({ day: '261123', seq: 1 });
  });

  it('rolls back everything, the number included, when building the payload fails', () => {
    expect(() =>
      store.recordSale({
        localId: '00000000-0000-4000-8000-000000000001',
        completedAtMs: now,
        completedAt: '2026-11-22T10:00:00.000+07:00',
        day: '261122',
        prefix: 'POS',
        draft: paidSale(),
        totals: sales.complete(paidSale()).totals,
        buildPayload: () => {
          throw new RangeError('boom');
        },
      }),
    ).toThrow('boom');
    expect(count('sale')).toBe(1);
    expect(parseInvoiceNumber(sales.complete(paidSale()).invoiceNumber)?.seq).toBe(2);
  });
});

describe('outbox states', () => {
  it('hands out due entries oldest first and remembers what may have been sent', () => {
    const ids = [sales.complete(paidSale()), sales.complete(paidSale()), sales.complete(paidSale())].map((s) => s.localId);
    expect(store.due(now, 10).map((e) => e.localId)).toEqual(ids);
    expect(store.due(now, 2)).toHaveLength(2);

    expect(store.markSending([ids[0] ?? ''], now)).toEqual(new Set([ids[0]]));
    // A second claim (another worker on the same file) gets nothing: never two sends.
    expect(store.markSending([ids[0] ?? ''], now).size).toBe(0);
    expect(store.get(ids[0] ?? '')).toMatchObject({ state: 'sending', maybeSent: true, attempts: 1 });
    expect(store.due(now, 10).map((e) => e.localId)).toEqual(ids.slice(1));

    // A crash while sending: on restart it is pending but must be looked up before any resend.
    expect(store.recoverInterrupted(now)).toBe(1);
    expect(store.get(ids[0] ?? '')).toMatchObject({ state: 'pending', maybeSent: true });

    store.markFailed([{ localId: ids[1] ?? '', maybeSent: false, nextAttemptAt: now + 5_000 }], { code: 'rate_limited', message: 'later' }, now);
    expect(store.get(ids[1] ?? '')).toMatchObject({ state: 'pending', maybeSent: false, lastError: 'later', nextAttemptAt: now + 5_000 });
    expect(store.due(now, 10).map((e) => e.localId)).toEqual([ids[0], ids[2]]);
    expect(store.nextDueAt()).toBe(now);

    expect(store.markSynced(ids[0] ?? '', 'server-1', now + 1)).toBe(true);
    expect(store.markSynced(ids[0] ?? '', 'server-2', now + 2)).toBe(false);
    expect(store.get(ids[0] ?? '')).toMatchObject({ state: 'synced', serverId: 'server-1', maybeSent: false });
    expect(store.stats()).toMatchObject({ pending: 2, lastSyncedAt: now + 1 });

    expect(store.wakeAll(now)).toBe(1);
    expect(store.due(now, 10)).toHaveLength(2);
  });

  it('a damaged stored payload goes to needs-attention instead of blocking the queue', () => {
    const [bad, good] = [sales.complete(paidSale()), sales.complete(paidSale())];
    db.opened.db.prepare(`UPDATE outbox SET payload_json = '{"Outlet":' WHERE local_id = ?`).run(bad.localId);
    expect(store.due(now, 10).map((e) => e.localId)).toEqual([good.localId]);
    expect(store.stats()).toMatchObject({ pending: 1, needsAttention: 1 });
    const [listed] = store.list('rejected', 10);
    expect(listed).toMatchObject({ invoiceNumber: bad.invoiceNumber, lastError: expect.stringMatching(/damaged/) });
    expect(store.void(bad.localId, 'Re-entered by hand', 'Budi', now).state).toBe('voided');
  });

  it('lets a manager edit, resend or void a rejected invoice, keeping the reason and the edit', () => {
    const { localId, invoiceNumber } = sales.complete(paidSale());
    expect(() => store.edit(localId, { outlet: 'Outlet2' }, now)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => store.void(localId, 'no reason', 'Budi', now)).toThrow(expect.objectContaining({ code: 'conflict' }));

    store.markRejected(localId, 'Variant code 1315L not found', 'server_validation', now);
    expect(store.stats()).toMatchObject({ pending: 0, needsAttention: 1 });
    const [listed] = store.list('rejected', 10);
    expect(listed).toMatchObject({ localId, invoiceNumber, state: 'rejected', lastError: 'Variant code 1315L not found', total: 380_000 });
    expect(listed?.lineNames).toEqual(['Cardigan (L)', 'Indomie Goreng 85g']);

    const edited = store.edit(localId, { variants: [{ action: 'replace', index: 0, code: '1315M' }] }, now);
    expect(edited).toMatchObject({ state: 'rejected', edited: true });
    expect(edited.payload.Variants[0]?.Code).toBe('1315M');
    expect(count('outbox_edit')).toBe(1);
    expect(() => store.edit(localId, { variants: [{ action: 'remove', index: 9 }] }, now)).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );

    expect(store.retry(localId, now)).toMatchObject({ state: 'pending' });
    store.markRejected(localId, 'Outlet closed', 'server_validation', now);
    expect(store.void(localId, 'Customer returned the goods', 'Budi', now)).toMatchObject({
      state: 'voided',
      voidReason: 'Customer returned the goods',
      voidedBy: 'Budi',
    });
    expect(count('outbox')).toBe(1);
    expect(() => store.retry(localId, now)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => store.entry('00000000-0000-4000-8000-00000000dead')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});

describe('paging the queue', () => {
  it('pages a view in its order with the true total, and finds by any part of the number, wildcards taken literally', () => {
    const recorded = Array.from({ length: 8 }, () => sales.complete(paidSale()));
    const numbers = recorded.map((r) => r.invoiceNumber);
    const [first, , , , , , , last] = recorded;
    store.markSending([first?.localId ?? '', last?.localId ?? ''], now);
    store.markSynced(first?.localId ?? '', 'srv-1', now);

    const waiting = store.page('waiting', 3, 3, undefined);
    expect(waiting.total).toBe(7); // 6 pending + 1 sending; the synced one is not waiting
    expect(waiting.entries.map((e) => e.invoiceNumber)).toEqual(numbers.slice(4, 7));
    expect(store.page('synced', 0, 50, undefined).entries.map((e) => e.invoiceNumber)).toEqual([first?.invoiceNumber]);
    expect(store.page('waiting', 500, 50, undefined)).toEqual({ entries: [], total: 7, offset: 500 });

    const tail = (numbers[5] ?? '').slice(-4).toLowerCase();
    expect(store.page('all', 0, 50, tail).entries.map((e) => e.invoiceNumber)).toEqual([numbers[5]]);
    // '%' and '_' are characters to find, not SQL wildcards that would match every number.
    expect(store.page('all', 0, 50, '%').total).toBe(0);
    expect(store.page('all', 0, 50, '_').total).toBe(0);
  });
});
