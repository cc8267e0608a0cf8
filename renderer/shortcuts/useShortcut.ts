import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { MessageKey } from '../i18n/t';
import { listShortcuts, registerShortcut, subscribeShortcuts, type Shortcut } from './shortcutRegistry';

export interface ShortcutBinding {
  readonly id: string;
  readonly keys: string;
  readonly label: MessageKey;
  readonly group: MessageKey;
  readonly inInputs?: boolean;
  /** False while the action is unavailable (e.g. nothing to pay): it never runs, and the help overlay marks it. */
  readonly enabled?: boolean;
}

/**
 * Binds a key to an action while the calling component is mounted. The help overlay lists every
 * binding registered this way (marking those not usable right now), so a new action appears there
 * without extra work.
 */
export function useShortcut(binding: ShortcutBinding, run: () => void): void {
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  const { id, keys, label, group, inInputs, enabled = true } = binding;
  // Registered again when `enabled` changes, so the newest usable binding of a key still wins.
  useEffect(() => {
    const shortcut: Shortcut = {
      id,
      keys,
      label,
      group,
      enabled,
      ...(inInputs === undefined ? {} : { inInputs }),
      run: () => runRef.current(),
    };
    return registerShortcut(shortcut);
  }, [id, keys, label, group, inInputs, enabled]);
}

export function useShortcutList(): readonly Shortcut[] {
  return useSyncExternalStore(subscribeShortcuts, listShortcuts, listShortcuts);
}
