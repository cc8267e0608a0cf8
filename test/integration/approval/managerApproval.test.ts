/**
 * Manager approval as the hosts see it: createServices in the demo store, every call through the
 * real dispatcher, managers in the real demo.db, and a Queue void that only a manager's PIN unlocks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SaleService } from '../../../main/sale/saleService';
import { createServices, type Services } from '../../../main/services';
import { DEMO_DB_FILE, openDatabase } from '../../../main/store/database';
import { OutboxStore } from '../../../main/store/outboxStore';
import type { IssuedApproval, ManagerList } from '../../../shared/contract/approval';
import type { QueueEntry } from '../../../shared/contract/queue';
import type { PosResult } from '../../../shared/errors';
import { paidSale, SETTINGS } from '../../unit/outbox/fixtures';
import { waitFor } from '../outbox/harness';

let services: Services | null = null;
let dir = '';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-approval-'));
});

afterEach(async () => {
  await services?.close();
  services = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function startDemo(): Promise<Services> {
  services = await createServices({ dataDir: dir, version: 'test', host: 'browser', logToStderr: false });
  expect((await services.dispatch('account.startDemo', {})).ok).toBe(true);
  return services;
}

function value<T>(result: PosResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function errorOf(result: PosResult<unknown>): { code: string; message: string; issues?: readonly { path: string }[]; details?: unknown } {
  if (result.ok) throw new Error('expected the call to be refused');
  return result.error;
}

/**
 * A sale DealPOS refuses for real (the demo simulator does not know the item), recorded in the
 * demo database by a second connection the way the checkout would, then sent by the app's worker.
 */
async function rejectedInvoice(s: Services): Promise<QueueEntry> {
  const rejected: string[] = [];
  s.events.on('invoiceRejected', (e) => rejected.push(e.localId));
  const second = openDatabase({ file: path.join(dir, DEMO_DB_FILE) });
  let localId: string;
  try {
    const sales = new SaleService({ store: new OutboxStore(second.db), settings: () => SETTINGS });
    ({ localId } = sales.complete(paidSale({ lines: [{ variantCode: 'NO-SUCH-ITEM', name: 'Mystery box', quantity: 1, unitPrice: 10_000, discount: null }] })));
  } finally {
    second.close();
  }
  value(await s.dispatch('queue.syncNow', {}));
  await waitFor('invoiceRejected', () => rejected.includes(localId));
  const [entry] = value<QueueEntry[]>(await s.dispatch('queue.list', { state: 'rejected', limit: 10 }));
  if (!entry) throw new Error('no rejected invoice');
  return entry;
}

describe('manager.*', () => {
  it('adds the first manager freely, later ones only with a manager PIN, and never shows more than names', async () => {
    const { dispatch } = await startDemo();
    expect(value<ManagerList>(await dispatch('manager.list', {}))).toEqual({ managers: [] });
    expect(errorOf(await dispatch('manager.approve', { request: { action: 'queue_void', localId: 'x' }, pin: '4821' }))).toMatchObject({
      code: 'not_configured',
      message: 'Set a manager PIN in Settings first',
    });
    expect(errorOf(await dispatch('manager.set', { name: 'Budi', pin: '48a1' }))).toMatchObject({ code: 'validation', issues: [{ path: 'pin' }] });
    expect(errorOf(await dispatch('manager.set', { name: 'Budi', pin: '482' }))).toMatchObject({ code: 'validation' });

    value(await dispatch('manager.set', { name: 'Budi', pin: '4821' }));
    expect(errorOf(await dispatch('manager.set', { name: 'Eko', pin: '1357' }))).toMatchObject({ code: 'forbidden', issues: [{ path: 'approverPin' }] });
    expect(errorOf(await dispatch('manager.set', { name: 'Eko', pin: '1357', approverPin: '0000' }))).toMatchObject({ code: 'forbidden' });
    const list = await dispatch('manager.set', { name: '  Sari ', pin: '975310', approverPin: '4821' });
    expect(value<ManagerList>(list)).toEqual({ managers: [{ name: 'Budi' }, { name: 'Sari' }] });
    expect(JSON.stringify(list)).not.toMatch(/scrypt|salt|hash/);

    expect(value<IssuedApproval>(await dispatch('manager.approve', { request: { action: 'queue_void', localId: 'x' }, pin: '975310' }))).toMatchObject({
      approvedBy: 'Sari',
    });
    expect(errorOf(await dispatch('manager.remove', { name: 'Sari', approverPin: '1111' }))).toMatchObject({ code: 'forbidden' });
    expect(value<ManagerList>(await dispatch('manager.remove', { name: 'Sari', approverPin: '4821' }))).toEqual({ managers: [{ name: 'Budi' }] });
  });

  it('keeps a wrong-PIN lock across a restart on the same data folder', async () => {
    const first = await startDemo();
    value(await first.dispatch('manager.set', { name: 'Budi', pin: '4821' }));
    const request = { action: 'queue_void', localId: 'x' } as const;
    for (let i = 0; i < 4; i++) expect(errorOf(await first.dispatch('manager.approve', { request, pin: '1111' })).code).toBe('forbidden');
    expect(errorOf(await first.dispatch('manager.approve', { request, pin: '1111' })).code).toBe('rate_limited');
    await first.close();

    services = await createServices({ dataDir: dir, version: 'test', host: 'browser', logToStderr: false });
    expect(value<{ mode: string }>(await services.dispatch('app.info', {})).mode).toBe('demo');
    const locked = errorOf(await services.dispatch('manager.approve', { request, pin: '4821' }));
    expect(locked).toMatchObject({ code: 'rate_limited', details: { retryAt: expect.any(String) } });
    expect(locked.message).toMatch(/try again in 5 minutes/i);
  });
});

describe('queue.void', () => {
  it('voids a rejected invoice only with a manager’s approval for it, and shows who approved', async () => {
    const s = await startDemo();
    value(await s.dispatch('settings.update', { outlet: 'Outlet1', register: 'Outlet1', invoiceNumberPrefix: 'DEMO' }));
    const entry = await rejectedInvoice(s);
    const reason = 'Item not in the catalog; sold by hand';

    const without = errorOf(await s.dispatch('queue.void', { localId: entry.localId, reason }));
    expect(without).toMatchObject({ code: 'forbidden', issues: [{ path: 'approvalId' }], details: { needsApproval: true } });
    value(await s.dispatch('manager.set', { name: 'Budi', pin: '4821' }));
    expect(errorOf(await s.dispatch('manager.approve', { request: { action: 'queue_void', localId: entry.localId }, pin: '1234' }))).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/^Wrong manager PIN/),
    });
    // An approval for another invoice does not void this one.
    const elsewhere = value<IssuedApproval>(
      await s.dispatch('manager.approve', { request: { action: 'queue_void', localId: '00000000-0000-4000-8000-000000000001' }, pin: '4821' }),
    );
    expect(errorOf(await s.dispatch('queue.void', { localId: entry.localId, reason, approvalId: elsewhere.approvalId }))).toMatchObject({
      code: 'forbidden',
      issues: [{ path: 'approvalId' }],
    });
    expect(value<QueueEntry[]>(await s.dispatch('queue.list', { state: 'rejected', limit: 10 })).map((e) => e.localId)).toEqual([entry.localId]);

    const approval = value<IssuedApproval>(await s.dispatch('manager.approve', { request: { action: 'queue_void', localId: entry.localId }, pin: '4821' }));
    expect(value<QueueEntry>(await s.dispatch('queue.void', { localId: entry.localId, reason, approvalId: approval.approvalId }))).toMatchObject({
      state: 'voided',
      voidedBy: 'Budi',
    });
    const [voided] = value<QueueEntry[]>(await s.dispatch('queue.list', { state: 'voided', limit: 10 }));
    expect(voided).toMatchObject({ localId: entry.localId, voidReason: reason, voidedBy: 'Budi' });
    expect(s.status.get().queue.needsAttention).toBe(0);
  });
});
