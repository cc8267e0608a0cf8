import '../support/fakeHost';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, vi, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/contract/settings';
import { useStore } from '../../../../renderer/state/store';
import { fakeHost } from '../support/fakeHost';
import { TEST_INFO, handleBasics, renderApp, resetAll, withStatus } from '../support/renderApp';

// The checkout screen belongs to the checkout area and has its own tests; the shell mounts a stand-in.
vi.mock('../../../../renderer/screens/checkout/CheckoutScreen', () => ({ CheckoutScreen: () => <h1>Checkout</h1> }));

afterEach(resetAll);

describe('status bar', () => {
  it('shows app.info and the initial status from app.status', async () => {
    handleBasics(TEST_INFO, withStatus({ connectivity: 'online', queue: { pending: 4, needsAttention: 1 } }));
    renderApp();
    expect(await screen.findByTestId('app-version')).toHaveProperty('textContent', '9.8.7');
    expect(screen.getByTestId('app-mode').dataset.mode).toBe('live');
    expect(screen.getByTestId('status-connectivity').textContent).toContain('Online');
    expect(screen.getByTestId('status-pending').textContent).toBe('4');
    expect(screen.getByTestId('status-needs-attention').textContent).toBe('1');
  });

  it('follows live status events', async () => {
    handleBasics();
    renderApp();
    await screen.findByTestId('app-version');
    expect(fakeHost.listenerCount('status')).toBe(1);
    act(() =>
      fakeHost.emit(
        'status',
        withStatus({
          connectivity: 'offline',
          queue: { pending: 12, needsAttention: 3 },
          scanner: { state: 'permission_denied', deviceName: 'Honeywell 1900', hint: { code: 'linux_permission', udevRuleFile: 'rule-file.rules' } },
        }),
      ),
    );
    expect(screen.getByTestId('status-connectivity').dataset.state).toBe('offline');
    expect(screen.getByTestId('status-connectivity').textContent).toContain('Offline');
    expect(screen.getByTestId('status-pending').textContent).toBe('12');
    expect(screen.getByTestId('status-needs-attention').textContent).toBe('3');
    const scanner = screen.getByTestId('status-scanner');
    expect(scanner.dataset.state).toBe('permission_denied');
    expect(scanner.textContent).toContain('Honeywell 1900');
    expect(scanner.textContent).toContain('Install the udev rule');
    expect(scanner.textContent).toContain('/opt/DealPOS Counter/resources/udev/rule-file.rules');
  });

  it('words the scanner hint in the chosen language and rewords it when the language changes', async () => {
    fakeHost.handle('settings.update', (patch) => ({ ...DEFAULT_SETTINGS, ...patch }));
    handleBasics(TEST_INFO, withStatus({ scanner: { state: 'error', deviceName: 'Zebra DS2208', hint: { code: 'open_failed', detail: 'device busy' } } }));
    renderApp();
    await screen.findByTestId('app-version');
    const hint = screen.getByTestId('status-scanner-hint');
    expect(hint.textContent).toContain('The scanner could not be opened (device busy).');
    expect(screen.getByTestId('status-scanner').getAttribute('title')).toContain('The scanner could not be opened (device busy).');
    await userEvent.click(screen.getByTestId('lang-id'));
    expect(screen.getByTestId('status-scanner-hint').textContent).toContain('Pemindai tidak dapat dibuka (device busy).');
    expect(screen.getByTestId('status-scanner').getAttribute('title')).toContain('Pemindai tidak dapat dibuka (device busy).');
    act(() => fakeHost.emit('status', withStatus({ scanner: { state: 'error', deviceName: 'Zebra DS2208', hint: { code: 'foreign_layout' } } })));
    expect(screen.getByTestId('status-scanner-hint').textContent).toContain('format yang tidak dibaca aplikasi');
  });

  it('shows a full disk in place of the pause reason, with the folder and the free space, until space is back', async () => {
    handleBasics(TEST_INFO, withStatus({ connectivity: 'online', queue: { pending: 34 } }));
    renderApp();
    await screen.findByTestId('app-version');
    expect(screen.queryByTestId('status-disk-full')).toBeNull();
    const disk = { folder: 'C:\\Users\\kasir\\AppData\\Roaming\\DealPOS Counter', freeBytes: 0, since: '2026-12-06T10:00:00.000Z' };
    act(() => fakeHost.emit('status', withStatus({ connectivity: 'online', queue: { pending: 34, pausedReason: 'Disk full' }, disk })));
    const line = screen.getByTestId('status-disk-full');
    expect(line.textContent).toContain('Sync paused: disk full. Free space on C:\\Users\\kasir\\AppData\\Roaming\\DealPOS Counter (0 MB free)');
    expect(screen.queryByText('Sync paused: Disk full')).toBeNull();
    act(() => fakeHost.emit('status', withStatus({ connectivity: 'online', queue: { pending: 0 } })));
    expect(screen.queryByTestId('status-disk-full')).toBeNull();
  });

  it('keeps a status event that arrives before the app.status answer', async () => {
    let answer: (value: ReturnType<typeof withStatus>) => void = () => undefined;
    fakeHost.handle('app.info', () => TEST_INFO);
    fakeHost.handle('app.status', () => new Promise((resolve) => (answer = resolve)));
    renderApp();
    act(() => fakeHost.emit('status', withStatus({ queue: { pending: 7 } })));
    await act(async () => answer(withStatus({ queue: { pending: 2 } })));
    await screen.findByTestId('app-version');
    expect(screen.getByTestId('status-pending').textContent).toBe('7');
  });

  it('opens the queue from the pending count', async () => {
    handleBasics(TEST_INFO, withStatus({ queue: { pending: 2 } }));
    renderApp();
    await screen.findByTestId('app-version');
    await userEvent.click(screen.getByTestId('status-open-queue'));
    expect(useStore.getState().app.screen).toBe('queue');
    expect(screen.getByTestId('nav-queue').getAttribute('aria-current')).toBe('page');
  });

  it('marks demo mode in the top bar and the status bar', async () => {
    handleBasics({ ...TEST_INFO, mode: 'demo' });
    renderApp();
    expect(await screen.findByTestId('status-demo')).toBeTruthy();
    expect(screen.getByTestId('demo-banner').textContent).toContain('DEMO · training mode');
  });

  it('shows why the app could not start instead of a blank screen', async () => {
    fakeHost.handle('app.info', () => {
      throw fakeHost.error({ code: 'internal', message: 'database is locked' });
    });
    fakeHost.handle('app.status', () => withStatus({}));
    renderApp();
    expect((await screen.findByRole('alert')).textContent).toContain('database is locked');
  });
});
