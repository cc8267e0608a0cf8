import '../support/fakeHost';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/contract/settings';
import { useStore } from '../../../../renderer/state/store';
import { fakeHost } from '../support/fakeHost';
import { TEST_INFO, handleBasics, renderApp, resetAll } from '../support/renderApp';

// The checkout screen belongs to the checkout area and has its own tests; the shell mounts a stand-in.
vi.mock('../../../../renderer/screens/checkout/CheckoutScreen', () => ({ CheckoutScreen: () => <h1>Checkout</h1> }));

afterEach(resetAll);

function setupMode(): void {
  handleBasics({ ...TEST_INFO, mode: 'setup' });
  fakeHost.handle('settings.options', () => ({ outlets: [], paymentMethods: [], taxes: [], source: 'none' as const, fetchedAt: null }));
  fakeHost.handle('account.status', () => ({ mode: 'setup' as const, subdomain: null, clientId: null, databaseNotice: null }));
  fakeHost.handle('scanner.listDevices', () => []);
}

describe('first run', () => {
  it('checks the fields before calling main, in the UI language', async () => {
    setupMode();
    renderApp();
    const form = await screen.findByTestId('connect-form');
    await userEvent.type(within(form).getByTestId('connect-subdomain'), 'https://toko.dealpos.net/app');
    await userEvent.type(within(form).getByTestId('connect-client-id'), 'my client');
    await userEvent.click(within(form).getByTestId('connect-submit'));
    expect(within(form).getByTestId('connect-subdomain').getAttribute('aria-invalid')).toBe('true');
    expect(form.textContent).toContain('Enter the store address only');
    expect(form.textContent).toContain('This cannot contain spaces.');
    expect(form.textContent).toContain('Fill this in.');
    expect(fakeHost.calls('account.connect')).toHaveLength(0);
  });

  it('shows the specific reason a wrong secret was refused, and clears nothing else', async () => {
    setupMode();
    fakeHost.handle('account.connect', () => {
      throw fakeHost.error({ code: 'bad_credentials', message: 'DealPOS refused the client credentials (invalid_client)' });
    });
    renderApp();
    const form = await screen.findByTestId('connect-form');
    await userEvent.type(within(form).getByTestId('connect-subdomain'), 'toko.dealpos.net');
    await userEvent.type(within(form).getByTestId('connect-client-id'), 'client-1');
    await userEvent.type(within(form).getByTestId('connect-client-secret'), 'wrong');
    await userEvent.click(within(form).getByTestId('connect-submit'));
    const error = await within(form).findByTestId('connect-error');
    expect(error.textContent).toContain('DealPOS refused the client id or secret.');
    expect(error.textContent).toContain('invalid_client');
    expect(useStore.getState().app.info?.mode).toBe('setup');
    expect((within(form).getByTestId('connect-subdomain') as HTMLInputElement).value).toBe('toko.dealpos.net');
  });

  it('starting the demo switches to demo mode, marks it, and continues to the store setup', async () => {
    setupMode();
    let mode: 'setup' | 'demo' = 'setup';
    fakeHost.handle('app.info', () => ({ ...TEST_INFO, mode }));
    fakeHost.handle('account.startDemo', () => {
      mode = 'demo';
      return { mode: 'demo' as const, subdomain: null, clientId: null, databaseNotice: null };
    });
    fakeHost.handle('settings.get', () => ({ ...DEFAULT_SETTINGS, outlet: 'Demo Outlet' }));
    renderApp();
    await userEvent.click(await screen.findByTestId('start-demo'));
    expect(await screen.findByTestId('status-demo')).toBeTruthy();
    expect(screen.getByTestId('demo-banner').textContent).toContain('DEMO');
    expect(screen.getByTestId('screen-settings')).toBeTruthy();
    expect(screen.getByTestId('first-run')).toBeTruthy();
    expect(screen.getByTestId('status-outlet').textContent).toContain('Demo Outlet');
  });
});

describe('language switch', () => {
  it('switches the whole frame to Bahasa Indonesia and saves the choice in settings', async () => {
    setupMode();
    fakeHost.handle('settings.update', (patch) => ({ ...DEFAULT_SETTINGS, ...patch }));
    renderApp();
    await screen.findByTestId('connect-form');
    expect(screen.getByTestId('nav-queue').textContent).toContain('Queue');
    await userEvent.click(screen.getByTestId('lang-id'));
    expect(screen.getByTestId('nav-queue').textContent).toContain('Antrean');
    expect(screen.getByTestId('connect-submit').textContent).toBe('Uji dan hubungkan');
    expect(screen.getByTestId('lang-id').getAttribute('aria-pressed')).toBe('true');
    expect(fakeHost.calls('settings.update').map((c) => c.input)).toEqual([{ language: 'id' }]);
  });

  it('starts in the saved language', async () => {
    setupMode();
    fakeHost.handle('settings.get', () => ({ ...DEFAULT_SETTINGS, language: 'id' as const }));
    renderApp();
    await screen.findByTestId('connect-form');
    expect(await screen.findByText('Selamat datang di DealPOS Counter')).toBeTruthy();
  });
});
