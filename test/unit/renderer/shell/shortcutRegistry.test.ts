import { afterEach, describe, expect, it } from 'vitest';
import { clearShortcuts, comboOf, dispatchShortcut, listShortcuts, registerShortcut } from '../../../../renderer/shortcuts/shortcutRegistry';

afterEach(clearShortcuts);

const key = (k: string, code: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  code,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcut registry', () => {
  it.each([
    [key('F1', 'F1'), 'F1'],
    [key('?', 'Slash', { shiftKey: true }), '?'],
    [key('F2', 'F2', { shiftKey: true }), 'Shift+F2'],
    [key('œ', 'KeyQ', { altKey: true }), 'Alt+Q'],
    [key('1', 'Digit1', { altKey: true }), 'Alt+1'],
    [key('Enter', 'Enter', { ctrlKey: true }), 'Ctrl+Enter'],
    [key(' ', 'Space'), 'Space'],
    [key('a', 'KeyA'), 'A'],
  ])('spells %o as %s', (event, combo) => {
    expect(comboOf(event)).toBe(combo);
  });

  it('runs the newest binding of a key, and the older one again once the newer is gone', () => {
    const ran: string[] = [];
    registerShortcut({ id: 'a', keys: 'Escape', label: 'shell.shortcut.close', group: 'shell.group.general', run: () => ran.push('a') });
    const off = registerShortcut({ id: 'b', keys: 'Escape', label: 'shell.shortcut.close', group: 'shell.group.general', run: () => ran.push('b') });
    const press = (): boolean => dispatchShortcut(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', cancelable: true }));
    expect(press()).toBe(true);
    off();
    press();
    expect(ran).toEqual(['b', 'a']);
    expect(listShortcuts().map((s) => s.id)).toEqual(['a']);
  });

  it('leaves plain characters to text fields but lets function keys through', () => {
    const ran: string[] = [];
    registerShortcut({ id: 'help', keys: '?', label: 'shell.shortcut.help', group: 'shell.group.general', run: () => ran.push('?') });
    registerShortcut({ id: 'pay', keys: 'F9', label: 'shell.shortcut.help', group: 'shell.group.general', run: () => ran.push('F9') });
    const input = document.createElement('input');
    document.body.append(input);
    const fire = (k: string, code: string): void => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: k, code, bubbles: true, cancelable: true }));
    };
    const stop = (event: Event): void => void dispatchShortcut(event as KeyboardEvent);
    document.addEventListener('keydown', stop);
    fire('?', 'Slash');
    fire('F9', 'F9');
    document.removeEventListener('keydown', stop);
    input.remove();
    expect(ran).toEqual(['F9']);
  });
});
