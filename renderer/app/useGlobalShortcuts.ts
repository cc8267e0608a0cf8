import { useEffect } from 'react';
import { installShortcutListener } from '../shortcuts/shortcutRegistry';
import { useShortcut } from '../shortcuts/useShortcut';
import { useStore } from '../state/store';

/** Key bindings for the keys every screen shares; shown in the help overlay like any other. */
export const NAV_KEYS = { checkout: 'Alt+1', queue: 'Alt+2', settings: 'Alt+3', invoices: 'Alt+4', salesOrders: 'Alt+5', labels: 'Alt+6', shift: 'Alt+7', help: 'F1' } as const;

export function useGlobalShortcuts(): void {
  useEffect(() => installShortcutListener(window), []);
  const navigate = useStore((s) => s.navigate);
  const setHelpOpen = useStore((s) => s.setHelpOpen);
  const helpOpen = useStore((s) => s.app.helpOpen);
  const group = 'shell.group.navigation';
  useShortcut({ id: 'nav.checkout', keys: NAV_KEYS.checkout, label: 'shell.shortcut.goCheckout', group }, () => navigate('checkout'));
  useShortcut({ id: 'nav.queue', keys: NAV_KEYS.queue, label: 'shell.shortcut.goQueue', group }, () => navigate('queue'));
  useShortcut({ id: 'nav.settings', keys: NAV_KEYS.settings, label: 'shell.shortcut.goSettings', group }, () => navigate('settings'));
  useShortcut({ id: 'nav.invoices', keys: NAV_KEYS.invoices, label: 'shell.shortcut.goInvoices', group }, () => navigate('invoices'));
  useShortcut({ id: 'nav.salesOrders', keys: NAV_KEYS.salesOrders, label: 'shell.shortcut.goSalesOrders', group }, () => navigate('salesOrders'));
  useShortcut({ id: 'nav.labels', keys: NAV_KEYS.labels, label: 'labels.shortcut.go', group }, () => navigate('labels'));
  useShortcut({ id: 'nav.shift', keys: NAV_KEYS.shift, label: 'shell.shortcut.goShift', group }, () => navigate('shift'));
  const general = 'shell.group.general';
  useShortcut({ id: 'help.f1', keys: NAV_KEYS.help, label: 'shell.shortcut.help', group: general }, () => setHelpOpen(!helpOpen));
  useShortcut({ id: 'help.question', keys: '?', label: 'shell.shortcut.help', group: general }, () => setHelpOpen(!helpOpen));
  useShortcut(
    { id: 'help.escape', keys: 'Escape', label: 'shell.shortcut.close', group: general, enabled: helpOpen },
    () => setHelpOpen(false),
  );
}
