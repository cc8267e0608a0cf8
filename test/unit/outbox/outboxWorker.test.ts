/**
 * The worker's decisions without HTTP: a scripted InvoiceApi (the DealPOS client's typed errors,
 * as the real client throws them) on a fake clock, against a real SQLite file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DealPosBadResponseError,
  DealPosCancelledError,
  DealPosNetworkError,
  DealPosNotFoundError,
  DealPosServerError,
} from '../../../main/dealpos/errors';
import { EventHub } from '../../../main/events/eventHub';
import { StatusService } from '../../../main/events/statusService';
import { createLogger } from '../../../main/logging/logger';
import { SaleService } from '../../../main/sale/saleService';
import { OutboxStore } from '../../../main/store/outboxStore';
import type { InvoiceListRow } from '../../../main/dealpos/schemas';
import { OutboxWorker, type InvoiceApi } from '../../../main/sync/outboxWorker';
import { FakeClock, flush } from './fakeClock';
import { paidSale, SETTINGS, tempDatabase } from './fixtures';

type Call = { kind: 'create' | 'createMany' | 'lookup' | 'list'; numbers: string[] };

let db: ReturnType<typeof tempDatabase>;
let clock: FakeClock;
let store: OutboxStore;
let status: StatusService;
let calls: Call[];
let api: InvoiceApi & { next: Array<(call: Call, signal?: AbortSignal) => Promise<unknown>> };
let worker: OutboxWorker;

beforeEach(() => {
  db = tempDatabase();
  clock = new FakeClock(Date.UTC(2026, 10, 22, 3));
  store = new OutboxStore(db.opened.db);
  const events = new EventHub();
  status = new StatusService(events);
  calls = [];
  const next: Array<(call: Call, signal?: AbortSignal) => Promise<unknown>> = [];
  const answer = <T>(call: Call, fallback: () => T, signal?: AbortSignal): Promise<T> => {
    calls.push(call);
    const scripted = next.shift();
    return scripted ? (scripted(call, signal) as Promise<T>) : Promise.resolve(fallback());
  };
  api = {
    next,
    createInvoice: (body, options) => answer({ kind: 'create', numbers: [body.Number] }, () => ({ ID: `id-${body.Number}`, Number: body.Number }), options.signal),
    createInvoices: (bodies, options) =>
      answer({ kind: 'createMany', numbers: bodies.map((b) => b.Number) }, () => bodies.map((b) => ({ Number: b.Number, ID: `id-${b.Number}` })), options.signal),
    invoiceIdByNumber: (key, options) => answer({ kind: 'lookup', numbers: [key.number] }, () => null, options.signal),
    listInvoicesMultipleOutlet: (_request, options) => answer({ kind: 'list', numbers: [] }, () => [], options.signal),
  };
  worker = new OutboxWorker({
    store,
    client: () => api,
    status,
    events,
    logger: createLogger(() => undefined),
    clock,
    random: () => 0.5,
    debounceMs: 10,
    statusRefreshMs: 3_600_000,
  });
});
afterEach(async () => {
  await worker.stop();
  db.cleanup();
});

function sell(count: number): string[] {
  const sales = new SaleService({ store, settings: () => SETTINGS, now: () => clock.now() });
  return Array.from({ length: count }, () => sales.complete(paidSale()).invoiceNumber);
}

describe('OutboxWorker', () => {
  it('probes with one invoice, then batches the backlog oldest first', async () => {
    const numbers = sell(30);
    worker.start();
    await clock.advance(0);
    expect(calls.map((c) => [c.kind, c.numbers.length])).toEqual([
      ['create', 1],
      ['createMany', 25],
      ['createMany', 4],
    ]);
    expect(calls.flatMap((c) => c.numbers)).toEqual(numbers);
    expect(status.get().queue).toMatchObject({ pending: 0, needsAttention: 0, lastError: null });
  });

  it('an answer it could not record leaves nothing in sending: the next run asks DealPOS by number and never resends', async () => {
    const [number] = sell(1);
    const sqlite = db.opened.db;
    // A storage failure at the worst moment (a full disk is the usual one): DealPOS has the invoice,
    // and neither "synced" nor "failed, maybe sent" can be written over `sending`.
    sqlite.exec(
      "CREATE TEMP TRIGGER refuse_outcome BEFORE UPDATE OF state ON main.outbox WHEN OLD.state = 'sending' BEGIN SELECT RAISE(ABORT, 'write refused'); END",
    );
    worker.start();
    await clock.advance(0);
    expect(store.list('sending', 10).map((e) => e.invoiceNumber)).toEqual([number]);
    expect(status.get().queue.lastError).toMatch(/^Local database failed while recording a failed send/);

    sqlite.exec('DROP TRIGGER refuse_outcome');
    api.next.push(async () => `id-${number}`); // the lookup finds it
    await clock.advance(60_000);
    expect(calls.map((c) => c.kind)).toEqual(['create', 'lookup']);
    expect(store.list('sending', 10)).toEqual([]);
    expect(store.list('synced', 10)[0]).toMatchObject({ invoiceNumber: number, serverId: `id-${number}` });
  });

  it('an invoice missing from a batch answer is looked up by number before anything else', async () => {
    const numbers = sell(3);
    worker.start();
    api.next.push(async (call) => ({ ID: `id-${call.numbers[0]}`, Number: call.numbers[0] }));
    api.next.push(async (call) => [{ Number: call.numbers[0], ID: 'id-b' }]);
    api.next.push(async () => 'id-c-found');
    await clock.advance(0);
    expect(calls.map((c) => c.kind)).toEqual(['create', 'createMany', 'lookup']);
    expect(store.get(store.due(Number.MAX_SAFE_INTEGER, 10)[0]?.localId ?? '')).toBeNull();
    const third = store.list('synced', 10).find((e) => e.invoiceNumber === numbers[2]);
    expect(third?.serverId).toBe('id-c-found');
  });

  it('a 5xx backs that invoice off with jitter and marks it maybe-sent; a 404 on a single send needs attention', async () => {
    const [first] = sell(1);
    worker.start();
    api.next.push(async () => {
      throw new DealPosServerError('Invoice', 502, null);
    });
    await clock.advance(0);
    const entry = store.due(Number.MAX_SAFE_INTEGER, 1)[0];
    expect(entry).toMatchObject({ invoiceNumber: first, maybeSent: true, attempts: 1, lastErrorCode: 'server_error' });
    // Entry backoff after its first failure: random 0.5 × base 5 s.
    expect(entry?.nextAttemptAt).toBe(clock.now() + 2_500);

    api.next.push(async () => null); // lookup: not there
    api.next.push(async () => {
      throw new DealPosNotFoundError('Invoice', 'Outlet Outlet9 is not found');
    });
    api.next.push(async () => null); // refused after an earlier attempt: looked up again
    await clock.advance(5_000);
    expect(calls.map((c) => c.kind)).toEqual(['create', 'lookup', 'create', 'lookup']);
    expect(store.list('rejected', 5)[0]).toMatchObject({ invoiceNumber: first, lastError: 'Outlet Outlet9 is not found' });
  });

  it('a 5xx after DealPOS committed the invoice: the lookup finds it, it is never sent again', async () => {
    const [number] = sell(1);
    worker.start();
    api.next.push(async () => {
      throw new DealPosServerError('Invoice', 500, 'An error has occurred.');
    });
    api.next.push(async () => 'server-id-7');
    await clock.advance(10_000);
    expect(calls.map((c) => c.kind)).toEqual(['create', 'lookup']);
    expect(store.list('synced', 5)[0]).toMatchObject({ invoiceNumber: number, serverId: 'server-id-7' });
  });

  it('Attempts counts every try: a failed lookup of an invoice in doubt is a try, as the log says', async () => {
    const [number] = sell(1);
    worker.start();
    api.next.push(async () => {
      throw new DealPosServerError('Invoice', 502, null);
    });
    for (let i = 0; i < 5; i++) {
      api.next.push(async () => {
        throw new DealPosServerError('Invoice/IDByNumber', 503, null);
      });
    }
    await clock.advance(600_000);
    expect(calls.map((c) => c.kind)).toEqual(['create', 'lookup', 'lookup', 'lookup', 'lookup', 'lookup', 'lookup', 'create']);
    // One failed send and five failed lookups; the sixth lookup found nothing, so it was sent again.
    const synced = store.list('synced', 5)[0];
    expect(synced).toMatchObject({ invoiceNumber: number, attempts: 7 });
  });

  it('an unreadable answer to a create is an unknown outcome; a refused connection keeps the next invoice in place', async () => {
    const [first, second] = sell(2);
    worker.start();
    api.next.push(async () => {
      throw new DealPosBadResponseError('Invoice', 'ID', 'is missing');
    });
    await clock.advance(0);
    const failedAt = clock.now();
    expect(store.list('pending', 5).map((e) => [e.invoiceNumber, e.attempts])).toEqual([
      [first, 1],
      [second, 0],
    ]);
    // The loop retries after its own backoff (0.5 × 2 s); the first invoice is still backing off, so the second goes.
    api.next.push(async () => {
      throw new DealPosNetworkError('Invoice', 'ECONNREFUSED', false);
    });
    await clock.advance(1_000);
    expect(calls.map((c) => [c.kind, c.numbers[0]])).toEqual([
      ['create', first],
      ['create', second],
    ]);
    expect(status.get().connectivity).toBe('offline');
    const [a, b] = store.due(Number.MAX_SAFE_INTEGER, 5);
    expect(a).toMatchObject({ invoiceNumber: first, maybeSent: true, lastErrorCode: 'bad_response', nextAttemptAt: failedAt + 2_500 });
    // Nothing was sent (connection refused) and offline says nothing about the invoice: due at once, not maybe-sent.
    expect(b).toMatchObject({ invoiceNumber: second, maybeSent: false, lastErrorCode: 'network', nextAttemptAt: clock.now() });
  });

  it('several invoices in doubt: one listing settles what it shows; what two full pages cannot settle is looked up', async () => {
    const numbers = sell(3);
    const ids = store.due(clock.now(), 10).map((e) => e.localId);
    store.markSending(ids, clock.now());
    store.recoverInterrupted(clock.now()); // a crash with all three in flight
    const row = (n: string): InvoiceListRow => ({ ID: `id-${n}`, Outlet: 'Outlet1', Number: n, Date: '2026-11-22T00:00:00', Tag: 'Offline' });
    const filler = (count: number, page: number): InvoiceListRow[] => Array.from({ length: count }, (_, i) => row(`OTHER-${page}-${i}`));
    api.next.push(async () => [...filler(499, 1), row(numbers[0] ?? '')]);
    api.next.push(async () => filler(500, 2));
    api.next.push(async () => 'srv-1');
    api.next.push(async () => null);
    worker.start();
    await clock.advance(0);
    expect(calls.map((c) => c.kind)).toEqual(['list', 'list', 'lookup', 'lookup', 'create']);
    expect(calls.slice(2).map((c) => c.numbers)).toEqual([[numbers[1]], [numbers[2]], [numbers[2]]]);
    const synced = new Map(store.list('synced', 10).map((e) => [e.invoiceNumber, e.serverId]));
    expect(numbers.map((n) => synced.get(n))).toEqual([`id-${numbers[0]}`, 'srv-1', `id-${numbers[2]}`]);
  });

  it('offline while listing: nothing is looked up or sent, the invoices stay in doubt', async () => {
    sell(2);
    const ids = store.due(clock.now(), 10).map((e) => e.localId);
    store.markSending(ids, clock.now());
    store.recoverInterrupted(clock.now());
    api.next.push(async () => {
      throw new DealPosNetworkError('Invoice/MultipleOutlet', 'ECONNRESET', true);
    });
    worker.start();
    await clock.advance(0);
    expect(calls.map((c) => c.kind)).toEqual(['list']);
    expect(store.due(Number.MAX_SAFE_INTEGER, 5).map((e) => e.maybeSent)).toEqual([true, true]);
    expect(status.get().connectivity).toBe('offline');
  });

  it('stop aborts a request in flight; the invoice goes back to pending as maybe-sent, not lost', async () => {
    const [number] = sell(1);
    worker.start();
    api.next.push(
      (_call, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(new DealPosCancelledError('Invoice', true)));
        }),
    );
    await clock.advance(0);
    expect(store.get(store.list('sending', 1)[0]?.localId ?? '')?.invoiceNumber).toBe(number);
    await worker.stop();
    await flush();
    expect(store.due(Number.MAX_SAFE_INTEGER, 5)[0]).toMatchObject({ invoiceNumber: number, state: 'pending', maybeSent: true });
  });
});
