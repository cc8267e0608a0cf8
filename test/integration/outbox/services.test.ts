/**
 * The outbox as the hosts see it: createServices, the demo store (embedded simulator), and
 * `sale.complete` → `invoiceSynced` through the dispatcher, with status carrying the queue.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import type { QueueEntry } from '../../../shared/contract/queue';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import { contractCaller, refusal, ringUp } from '../../support/checkout';
import { waitFor } from './harness';

let services: Services | null = null;
let dir = '';

afterEach(async () => {
  await services?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('completes a demo sale through the dispatcher and syncs it, with status and events to match', async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-outbox-services-'));
  services = await createServices({ dataDir: dir, version: 'test', host: 'browser', logToStderr: false });
  const { dispatch, events, status } = services;
  const synced: string[] = [];
  events.on('invoiceSynced', (e) => synced.push(e.invoiceNumber));

  expect((await dispatch('account.startDemo', {})).ok).toBe(true);
  const configured = await dispatch('settings.update', { outlet: 'Outlet1', register: 'Outlet1', invoiceNumberPrefix: 'DEMO' });
  expect(configured.ok).toBe(true);

  const call = contractCaller(dispatch);
  const { indomie, tehBotol } = DEMO_FIXTURES.variants;
  const sale = await ringUp(call, { codes: [indomie.code, indomie.code, tehBotol.code] });
  expect(sale.invoiceNumber).toMatch(/^DEMO-[2-9A-HJ-NP-Z]{5}-\d{6}-0001$/);
  expect(sale.totals.total).toBe(2 * indomie.price + tehBotol.price);

  await waitFor('invoiceSynced', () => synced.includes(sale.invoiceNumber));
  await waitFor('status to show the drained queue', () => status.get().queue.pending === 0 && status.get().queue.lastSyncAt !== null);
  expect(status.get().connectivity).toBe('online');
  const listed = await dispatch('queue.list', { state: 'synced', limit: 5 });
  expect(listed.ok && (listed.value as QueueEntry[]).map((e) => e.invoiceNumber)).toEqual([sale.invoiceNumber]);

  // Main decides: a sale that is not paid in full is not recorded, whatever the screen believes.
  const { sale: next } = await call('sale.current', {});
  const scanned = await call('sale.scan', { draftId: next.draftId, code: indomie.code });
  await call('sale.addPayment', { draftId: next.draftId, method: 'Cash', amount: 10 });
  expect(scanned.status).toBe('added');
  expect((await refusal(call('sale.complete', { draftId: next.draftId }))).code).toBe('validation');
});
