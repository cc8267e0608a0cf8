import '../support/fakeHost';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/contract/settings';
import { SettingsScreen } from '../../../../renderer/screens/settings/SettingsScreen';
import { useStore } from '../../../../renderer/state/store';
import { fakeHost } from '../support/fakeHost';
import { IDLE_CATALOG, TEST_INFO, handleBasics, renderScreen, resetAll } from '../support/renderApp';

afterEach(resetAll);

// jsdom does no layout: scrolling to the first invalid field is Chromium's (test/e2e).
Element.prototype.scrollIntoView = function scrollIntoView(): void {};

const saved: Settings = { ...DEFAULT_SETTINGS, outlet: 'Jakarta Pusat', taxType: 'No Tax', paymentMethods: ['Cash'] };

function serveSettings(): Settings[] {
  const updates: Settings[] = [];
  let current = saved;
  handleBasics(TEST_INFO, undefined, saved);
  fakeHost.handle('settings.get', () => current);
  fakeHost.handle('settings.update', (patch) => {
    current = { ...current, ...patch };
    updates.push(current);
    return current;
  });
  fakeHost.handle('settings.options', () => ({
    outlets: [
      { id: '1', name: 'Jakarta Pusat' },
      { id: '2', name: 'Bandung' },
    ],
    paymentMethods: [
      { id: 'p1', name: 'Cash', type: 'Cash' },
      { id: 'p2', name: 'QRIS', type: 'E-Wallet' },
    ],
    taxes: [
      { id: 't1', name: 'No Tax', rateBasisPoints: 0, inclusive: false },
      { id: 't2', name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false },
    ],
    source: 'dealpos' as const,
    fetchedAt: '2026-11-22T09:00:00+07:00',
  }));
  fakeHost.handle('account.status', () => ({ mode: 'live' as const, subdomain: 'toko.dealpos.net', clientId: 'abc', databaseNotice: null }));
  fakeHost.handle('scanner.listDevices', () => []);
  fakeHost.handle('catalog.syncState', () => ({ ...IDLE_CATALOG, state: 'syncing' as const, done: 500, total: 2000, etaMs: 90_000 }));
  return updates;
}

describe('settings screen', () => {
  it('refuses to save invalid values, says which field and why, and sends nothing', async () => {
    const updates = serveSettings();
    await renderScreen(<SettingsScreen />);
    const form = await screen.findByTestId('settings-form');
    const line = within(form).getByTestId('settings-max-line-discount');
    await userEvent.clear(line);
    await userEvent.type(line, '150');
    await userEvent.click(within(form).getByTestId('settings-payment-Cash'));
    await userEvent.click(within(form).getByTestId('settings-save'));
    expect(line.getAttribute('aria-invalid')).toBe('true');
    // The first invalid field takes focus (and is scrolled to), not the Save button.
    expect(document.activeElement).toBe(line);
    expect(form.textContent).toContain('Enter a whole number from 0 to 100.');
    expect(form.textContent).toContain('Choose at least one payment method.');
    expect(fakeHost.calls('settings.update')).toHaveLength(0);
    expect(updates).toHaveLength(0);
  });

  it('saves only the changed fields, chosen from DealPOS lists', async () => {
    serveSettings();
    await renderScreen(<SettingsScreen />);
    const form = await screen.findByTestId('settings-form');
    await userEvent.selectOptions(within(form).getByTestId('settings-tax-type'), 'PPN 11%');
    await userEvent.type(within(form).getByTestId('settings-register'), 'Counter 2');
    await userEvent.click(within(form).getByTestId('settings-payment-QRIS'));
    await userEvent.click(within(form).getByTestId('settings-save'));
    expect(await within(form).findByTestId('settings-saved')).toBeTruthy();
    expect(fakeHost.calls('settings.update').map((c) => c.input)).toEqual([
      { register: 'Counter 2', taxType: 'PPN 11%', paymentMethods: ['Cash', 'QRIS'] },
    ]);
  });

  it('asks before leaving the demo without promising a sync a demo never does', async () => {
    serveSettings();
    handleBasics({ ...TEST_INFO, mode: 'demo' }, undefined, saved);
    fakeHost.handle('account.status', () => ({ mode: 'demo' as const, subdomain: null, clientId: null, databaseNotice: null }));
    await renderScreen(<SettingsScreen />);
    await userEvent.click(await screen.findByTestId('disconnect'));
    const question = screen.getByRole('alertdialog');
    expect(question.textContent).toContain('a demo never sends anything to DealPOS');
    expect(question.textContent).not.toContain('sent after you connect again');
  });

  it('shows main’s refusal on the field it names', async () => {
    serveSettings();
    fakeHost.handle('settings.update', () => {
      throw fakeHost.error({ code: 'validation', message: 'Invalid input for settings.update: invoiceNumberPrefix', issues: [{ path: 'invoiceNumberPrefix', message: 'taken' }] });
    });
    await renderScreen(<SettingsScreen />);
    const form = await screen.findByTestId('settings-form');
    await userEvent.type(within(form).getByTestId('settings-invoice-prefix'), 'R2');
    await userEvent.click(within(form).getByTestId('settings-save'));
    expect((await within(form).findByTestId('settings-save-error')).textContent).toContain('Not saved');
    expect(within(form).getByTestId('settings-invoice-prefix').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows catalog sync progress with an estimate, and the data folder', async () => {
    serveSettings();
    await renderScreen(<SettingsScreen />);
    const catalog = await screen.findByTestId('settings-catalog');
    expect(within(catalog).getByTestId('catalog-state').textContent).toContain('500 of 2,000 items');
    expect(within(catalog).getByTestId('catalog-state').textContent).toContain('About 2 min left');
    expect(within(catalog).getByTestId('catalog-progress').getAttribute('value')).toBe('500');
    expect(screen.getByTestId('app-data-dir').textContent).toBe(TEST_INFO.dataDir);
    expect(within(catalog).queryByTestId('catalog-quota-wait')).toBeNull();

    // The next page waits for the request quota: the manager reads why nothing moves, and that sales go first.
    act(() => useStore.getState().setCatalogProgress({ ...IDLE_CATALOG, state: 'syncing', done: 500, total: 2000, etaMs: 600_000, quotaWaitMs: 95_000, revision: 50 }));
    expect(within(catalog).getByTestId('catalog-state').textContent).toContain('About 10 min left');
    expect(within(catalog).getByTestId('catalog-quota-wait').textContent).toContain('waiting for the DealPOS request quota (next page in about 2 min)');
  });

  it('keeps the newest catalog state when an older answer arrives after a newer event', async () => {
    serveSettings();
    await renderScreen(<SettingsScreen />);
    const state = (): string | null => within(screen.getByTestId('settings-catalog')).getByTestId('catalog-state').getAttribute('data-state');
    await expect.poll(state).toBe('syncing');
    const complete = { ...IDLE_CATALOG, state: 'complete' as const, done: 2000, total: 2000, lastSyncAt: '2026-11-22T10:00:00+07:00', revision: 9 };
    // What the app's catalogProgress subscription does with an event.
    act(() => useStore.getState().setCatalogProgress(complete));
    expect(state()).toBe('complete');
    // An answer main produced before that event (lower revision) comes in late, as it can over the
    // browser host's two connections: it must not put the screen back to "syncing" for good.
    fakeHost.handle('catalog.syncState', () => ({ ...IDLE_CATALOG, state: 'syncing' as const, done: 1900, total: 2000, revision: 8 }));
    await act(() => useStore.getState().loadCatalogState());
    expect(state()).toBe('complete');
    act(() => useStore.getState().setCatalogProgress({ ...complete, state: 'syncing', done: 10, revision: 10 }));
    expect(state()).toBe('syncing');
  });

  it('follows settings that change underneath, but never overwrites unsaved edits', async () => {
    serveSettings();
    await renderScreen(<SettingsScreen />);
    const form = await screen.findByTestId('settings-form');
    const replaceValues = (next: Settings): void =>
      act(() => useStore.setState((s) => ({ settings: { ...s.settings, values: next } })));
    replaceValues({ ...saved, register: 'Counter 9' });
    expect((within(form).getByTestId('settings-register') as HTMLInputElement).value).toBe('Counter 9');
    await userEvent.type(within(form).getByTestId('settings-tag'), ' 2');
    replaceValues({ ...saved, register: 'Counter 7' });
    expect((within(form).getByTestId('settings-register') as HTMLInputElement).value).toBe('Counter 9');
    expect((within(form).getByTestId('settings-tag') as HTMLInputElement).value).toBe('Offline 2');
  });

  it('lists each HID device with usage page, vendor, product and the layout its reports were read in, or why not', async () => {
    serveSettings();
    const reading = { layout: null, scans: 0, refusedReports: 0, lastRefusal: null };
    const device = { path: '/dev/hidraw1', serialNumber: null, usage: 0x02, interfaceNumber: 0, kind: 'hid-pos' as const, selected: false, reading };
    fakeHost.handle('scanner.listDevices', () => [
      { ...device, id: 'zebra', vendorId: 0x05e0, productId: 0x2100, name: 'Symbol Bar Code Scanner', manufacturer: 'Symbol Technologies', product: 'Symbol Bar Code Scanner', usagePage: 0x8c, selected: true, reading: { layout: 'zebra' as const, scans: 4, refusedReports: 0, lastRefusal: null } },
      { ...device, id: 'generic', vendorId: 0x1a86, productId: 0xe026, name: 'Generic HID POS', manufacturer: null, product: 'Generic HID POS', usagePage: 0x8c, reading: { ...reading, refusedReports: 3, lastRefusal: 'unknown_layout' } },
      { ...device, id: 'mouse', vendorId: 0x046d, productId: 0xc077, name: 'USB Optical Mouse', manufacturer: 'Logitech', product: 'USB Optical Mouse', usagePage: 0x01, kind: 'other' as const },
    ]);
    await renderScreen(<SettingsScreen />);
    const zebra = await screen.findByTestId('settings-scanner-device-5e0-2100');
    expect(zebra.textContent).toContain('0x008C');
    expect(zebra.textContent).toContain('05E0 Symbol Technologies');
    expect(zebra.textContent).toContain('2100 Symbol Bar Code Scanner');
    expect(zebra.textContent).toContain('pad byte then AIM identifier in bytes 3–5 (Zebra/Symbol)');
    expect(zebra.textContent).toContain('4 scans read, 0 reports not understood');
    expect(screen.getByTestId('settings-scanner-device-1a86-e026').textContent).toContain('Not understood: its last report was refused (unknown_layout)');
    expect(screen.getByTestId('settings-scanner-device-46d-c077').textContent).toContain('Not a scanner');

    await act(() => useStore.getState().setLocale('id'));
    expect(screen.getByTestId('settings-scanner-device-5e0-2100').textContent).toContain('byte pengisi lalu pengenal AIM di byte 3–5 (Zebra/Symbol)');
  });

  it('edits the scale-label rules: refuses digits that do not add up to 12, then saves the corrected rules', async () => {
    const updates = serveSettings();
    await renderScreen(<SettingsScreen />);
    const section = await screen.findByTestId('settings-scale');
    const valueDigits = within(section).getByTestId('scale-rule-2-valueDigits');
    await userEvent.clear(valueDigits);
    await userEvent.type(valueDigits, '4');
    await userEvent.click(within(section).getByTestId('scale-save'));
    expect(valueDigits.getAttribute('aria-invalid')).toBe('true');
    expect(section.textContent).toContain('must add up to 12');
    expect(updates).toHaveLength(0);

    const prefix = within(section).getByTestId('scale-rule-2-prefix');
    await userEvent.clear(prefix);
    await userEvent.type(prefix, '210');
    await userEvent.click(within(section).getByTestId('scale-save'));
    expect(updates.at(-1)?.scaleBarcodeRules).toEqual([
      { prefix: '20', itemDigits: 4, valueDigits: 6, value: 'price', decimals: 0 },
      { prefix: '210', itemDigits: 5, valueDigits: 4, value: 'weight', decimals: 3 },
    ]);
    expect(await within(section).findByText('Scale labels saved.')).toBeTruthy();
  });
});

