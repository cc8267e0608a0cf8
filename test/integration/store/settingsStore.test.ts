import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type SettingsOptions } from '../../../shared/contract/settings';
import { ServiceError } from '../../../shared/errors';
import { AppStateStore } from '../../../main/store/appStateStore';
import { openDatabase, type OpenedDatabase } from '../../../main/store/database';
import { SettingsStore } from '../../../main/store/settingsStore';
import { thrownBy } from '../../support/thrownBy';

let dir: string;
let handle: OpenedDatabase;
let options: SettingsOptions | null;
let settings: SettingsStore;

const fetched: SettingsOptions = {
  outlets: [{ id: 'o1', name: 'Pluit' }],
  paymentMethods: [
    { id: '1', name: 'Cash', type: 'Cash' },
    { id: '2', name: 'QRIS', type: 'EWallet' },
  ],
  taxes: [{ id: 't1', name: 'PPN', rateBasisPoints: 1_100, inclusive: false }],
  source: 'cache',
  fetchedAt: '2026-11-22T10:00:00.000Z',
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-settings-'));
  handle = openDatabase({ file: path.join(dir, 'dealpos-counter.db') });
  options = null;
  settings = new SettingsStore(new AppStateStore(handle.db), () => options);
});
afterEach(() => {
  handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('SettingsStore', () => {
  it('starts from defaults (IDR: 0 decimals, English)', () => {
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(settings.get().currencyDecimals).toBe(0);
    expect(settings.get().language).toBe('en');
  });

  it('merges a partial update, persists it and tells listeners', () => {
    const seen: string[] = [];
    settings.onChange((next, previous) => seen.push(`${previous.receiptHeader}->${next.receiptHeader}`));
    const next = settings.update({ receiptHeader: 'Toko Maju', language: 'id', maxLineDiscountPercent: 20 });
    expect(next).toMatchObject({ receiptHeader: 'Toko Maju', language: 'id', maxLineDiscountPercent: 20, salesTag: 'Offline' });
    expect(new SettingsStore(new AppStateStore(handle.db)).get()).toEqual(next);
    expect(seen).toEqual(['->Toko Maju']);
  });

  it.each([
    [{ currencyDecimals: 7 }, 'currencyDecimals'],
    [{ maxSaleDiscountPercent: 101 }, 'maxSaleDiscountPercent'],
    [{ language: 'fr' }, 'language'],
    [{ paymentMethods: ['Cash', 'Cash'] }, 'paymentMethods'],
    [{ invoiceNumberPrefix: 'A B' }, 'invoiceNumberPrefix'],
    [{ outlet: '' }, 'outlet'],
    [{ unknownField: 1 }, ''],
    [{ receiptFooter: 'x'.repeat(501) }, 'receiptFooter'],
  ])('rejects %j with a validation error naming the field, saving nothing', (patch, field) => {
    settings.update({ receiptHeader: 'kept' });
    const error = thrownBy(ServiceError, () => settings.update({ receiptHeader: 'changed', ...patch }));
    expect(error.code).toBe('validation');
    expect(error.issues?.[0]?.path).toBe(field);
    expect(settings.get().receiptHeader).toBe('kept');
  });

  it('checks choices against the cached DealPOS lists, only for fields being changed', () => {
    options = fetched;
    expect(settings.update({ outlet: 'Pluit', paymentMethods: ['QRIS', 'Cash'], taxType: 'No Tax' }).outlet).toBe('Pluit');
    const error = thrownBy(ServiceError, () => settings.update({ outlet: 'Kemang', paymentMethods: ['Cash', 'Bitcoin'], receiptHeader: 'x' }));
    expect(error.code).toBe('validation');
    expect(error.issues?.map((i) => i.path)).toEqual(['outlet', 'paymentMethods.1']);
    expect(settings.get()).toMatchObject({ outlet: 'Pluit', receiptHeader: '' });
    expect(thrownBy(ServiceError, () => settings.update({ taxType: 'VAT 99' })).issues?.[0]?.path).toBe('taxType');
    // A field that is not being changed is not re-checked (e.g. an outlet renamed on the server).
    options = { ...fetched, outlets: [{ id: 'o1', name: 'Pluit Baru' }] };
    expect(settings.update({ receiptFooter: 'Terima kasih' }).receiptFooter).toBe('Terima kasih');
  });

  it('reads a stored document that no longer matches the schema as defaults', () => {
    handle.db.prepare("INSERT INTO app_state(key, value, updated_at) VALUES ('settings', '{\"language\":\"xx\"}', 'now')").run();
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });
});
