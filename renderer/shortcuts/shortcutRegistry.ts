import type { MessageKey } from '../i18n/t';

export interface Shortcut {
  /** Unique per action, e.g. `nav.queue`; registering the same id again replaces the old entry. */
  readonly id: string;
  /** What the user presses, as shown on screen: `F1`, `?`, `Alt+1`, `Ctrl+Enter`, `Escape`. */
  readonly keys: string;
  readonly label: MessageKey;
  /** Heading the help overlay lists it under. */
  readonly group: MessageKey;
  readonly run: () => void;
  /**
   * Whether it fires while focus is in a text field. Defaults to true for function keys, Escape and
   * Ctrl/Alt combinations and false for plain characters, so typing `?` in a search box stays text.
   */
  readonly inInputs?: boolean;
  /** False while the action is not usable (nothing to pay, a dialog is open): listed in the help overlay as such, never run. */
  readonly enabled?: boolean;
}

type Listener = () => void;

const entries = new Map<string, Shortcut>();
const listeners = new Set<Listener>();
let snapshot: readonly Shortcut[] = [];

function changed(): void {
  snapshot = [...entries.values()];
  for (const listener of listeners) listener();
}

export function registerShortcut(shortcut: Shortcut): () => void {
  entries.delete(shortcut.id);
  entries.set(shortcut.id, shortcut);
  changed();
  return () => {
    if (entries.get(shortcut.id) === shortcut) {
      entries.delete(shortcut.id);
      changed();
    }
  };
}

/** Every registered shortcut, oldest first; stable between changes (for useSyncExternalStore). */
export function listShortcuts(): readonly Shortcut[] {
  return snapshot;
}

export function subscribeShortcuts(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For tests: forget every registration. */
export function clearShortcuts(): void {
  entries.clear();
  changed();
}

const NAMED_KEYS: Readonly<Record<string, string>> = { ' ': 'Space', Esc: 'Escape' };

/** The `keys` string a keyboard event corresponds to, in the same spelling shortcuts use. */
export function comboOf(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey'>): string {
  const modifiers: string[] = [];
  if (event.ctrlKey) modifiers.push('Ctrl');
  if (event.altKey) modifiers.push('Alt');
  if (event.metaKey) modifiers.push('Meta');
  let key = NAMED_KEYS[event.key] ?? event.key;
  // With Alt/Ctrl held, `key` depends on the layout (Alt+Q is "œ" on a Mac); the physical code does not.
  if (modifiers.length > 0) {
    const physical = /^(?:Key|Digit)(.)$/.exec(event.code);
    if (physical?.[1]) key = physical[1];
  }
  if (key.length === 1) key = key.toUpperCase();
  // Shift is part of a printed character (`?`), so it only counts for named keys like Shift+F2.
  else if (event.shiftKey) modifiers.push('Shift');
  return [...modifiers, key].join('+');
}

function isPlainCharacter(keys: string): boolean {
  return keys.length === 1;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

/** Runs the newest matching shortcut; returns whether one ran. */
export function dispatchShortcut(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing) return false;
  const combo = comboOf(event);
  const inField = isTextField(event.target);
  const candidates = [...entries.values()].reverse();
  for (const shortcut of candidates) {
    if (shortcut.keys.toUpperCase() !== combo.toUpperCase() || shortcut.enabled === false) continue;
    const inInputs = shortcut.inInputs ?? !isPlainCharacter(shortcut.keys);
    if (inField && !inInputs) continue;
    event.preventDefault();
    shortcut.run();
    return true;
  }
  return false;
}

/** One keydown listener for the whole app; returns its remover. */
export function installShortcutListener(target: Window): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    dispatchShortcut(event);
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
