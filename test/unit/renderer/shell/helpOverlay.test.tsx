import '../support/fakeHost';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, vi, describe, expect, it } from 'vitest';
import { registerShortcut } from '../../../../renderer/shortcuts/shortcutRegistry';
import { useStore } from '../../../../renderer/state/store';
import { handleBasics, renderApp, resetAll } from '../support/renderApp';

// The checkout screen belongs to the checkout area and has its own tests; the shell mounts a stand-in.
vi.mock('../../../../renderer/screens/checkout/CheckoutScreen', () => ({ CheckoutScreen: () => <h1>Checkout</h1> }));

afterEach(resetAll);

describe('keyboard shortcuts and the help overlay', () => {
  it('F1 opens a list of every bound shortcut, including ones other screens add, and Escape closes it', async () => {
    handleBasics();
    renderApp();
    await screen.findByTestId('app-version');
    act(() => {
      registerShortcut({ id: 'test.pay', keys: 'F9', label: 'shell.nav.checkout', group: 'shell.group.general', run: () => undefined });
    });
    await userEvent.keyboard('{F1}');
    const overlay = screen.getByTestId('help-overlay');
    expect(within(overlay).getByTestId('help-shortcut-nav.queue').textContent).toContain('Alt');
    expect(within(overlay).getByTestId('help-shortcut-test.pay').textContent).toContain('F9');
    expect(document.activeElement).toBe(screen.getByTestId('help-close'));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('help-overlay')).toBeNull();
  });

  it('lists a shortcut that is not usable right now, marked as such, and its key does nothing', async () => {
    handleBasics();
    renderApp();
    await screen.findByTestId('app-version');
    const run = vi.fn();
    act(() => {
      registerShortcut({ id: 'test.pay', keys: 'F9', label: 'shell.nav.checkout', group: 'shell.group.general', enabled: false, run });
    });
    await userEvent.keyboard('{F9}');
    expect(run).not.toHaveBeenCalled();
    await userEvent.keyboard('{F1}');
    const row = within(screen.getByTestId('help-overlay')).getByTestId('help-shortcut-test.pay');
    expect(row.textContent).toContain('F9');
    expect(row.textContent).toContain('not available right now');
    expect(within(screen.getByTestId('help-overlay')).getByTestId('help-shortcut-nav.queue').textContent).not.toContain('not available');
  });

  it('? opens help from anywhere except while typing in a text field', async () => {
    handleBasics();
    renderApp();
    await screen.findByTestId('app-version');
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    await userEvent.keyboard('?');
    expect(screen.queryByTestId('help-overlay')).toBeNull();
    expect(field.value).toBe('?');
    field.blur();
    field.remove();
    await userEvent.keyboard('?');
    expect(screen.getByTestId('help-overlay')).toBeTruthy();
  });

  it('Alt+digit switches screens', async () => {
    handleBasics();
    renderApp();
    await screen.findByTestId('app-version');
    await userEvent.keyboard('{Alt>}3{/Alt}');
    expect(useStore.getState().app.screen).toBe('settings');
    await userEvent.keyboard('{Alt>}2{/Alt}');
    expect(useStore.getState().app.screen).toBe('queue');
    await userEvent.click(screen.getByTestId('nav-checkout'));
    expect(useStore.getState().app.screen).toBe('checkout');
  });
});

describe('help overlay is modal', () => {
  it('keeps the screen behind it from reacting to its shortcuts, and keeps Tab inside', async () => {
    handleBasics();
    renderApp();
    await screen.findByTestId('app-version');
    let paid = 0;
    act(() => {
      registerShortcut({ id: 'test.pay', keys: 'F9', label: 'shell.nav.checkout', group: 'shell.group.general', run: () => (paid += 1) });
    });
    await userEvent.keyboard('{F9}');
    expect(paid).toBe(1);
    await userEvent.keyboard('{F1}');
    await userEvent.keyboard('{F9}');
    await userEvent.keyboard('{Alt>}2{/Alt}');
    expect(paid).toBe(1);
    expect(useStore.getState().app.screen).toBe('checkout');
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByTestId('help-close'));
    await userEvent.keyboard('{F1}');
    expect(screen.queryByTestId('help-overlay')).toBeNull();
    await userEvent.keyboard('{F9}');
    expect(paid).toBe(2);
  });
});
