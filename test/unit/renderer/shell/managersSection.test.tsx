import '../support/fakeHost';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ManagersSection } from '../../../../renderer/screens/settings/ManagersSection';
import { fakeHost } from '../support/fakeHost';
import { handleBasics, renderScreen, resetAll } from '../support/renderApp';

afterEach(resetAll);

/** A tiny main: names and PINs in a map, approver PINs checked like main does. */
function serveManagers(): void {
  const pins = new Map<string, string>();
  const list = () => ({ managers: [...pins.keys()].map((name) => ({ name })) });
  const approverOk = (pin: string | undefined): void => {
    if (pins.size === 0) return;
    if (![...pins.values()].includes(pin ?? '')) {
      throw fakeHost.error({ code: 'forbidden', message: 'Wrong manager PIN', issues: [{ path: 'approverPin', message: 'Wrong manager PIN' }], details: { attemptsLeft: 3 } });
    }
  };
  fakeHost.handle('manager.list', list);
  fakeHost.handle('manager.set', ({ name, pin, approverPin }) => {
    approverOk(approverPin);
    pins.set(name, pin);
    return list();
  });
  fakeHost.handle('manager.remove', ({ name, approverPin }) => {
    approverOk(approverPin);
    pins.delete(name);
    return list();
  });
}

async function fill(form: HTMLElement, fields: Record<string, string>): Promise<void> {
  for (const [testId, value] of Object.entries(fields)) await userEvent.type(within(form).getByTestId(testId), value);
}

describe('Settings → Managers', () => {
  it('adds the first manager with a repeated PIN, then asks for a manager’s PIN for the next one, and clears PINs after each try', async () => {
    handleBasics();
    serveManagers();
    await renderScreen(<ManagersSection />);
    expect(await screen.findByTestId('managers-none')).toBeTruthy();
    const form = screen.getByTestId('manager-add-form');
    expect(within(form).queryByTestId('manager-approver-pin')).toBeNull();

    await fill(form, { 'manager-name': 'Budi', 'manager-new-pin': '4821', 'manager-repeat-pin': '4812' });
    await userEvent.click(within(form).getByTestId('manager-add-save'));
    expect(form.textContent).toContain('The two PINs are not the same.');
    expect(fakeHost.calls('manager.set')).toHaveLength(0);

    await userEvent.clear(within(form).getByTestId('manager-repeat-pin'));
    await fill(form, { 'manager-repeat-pin': '4821' });
    await userEvent.click(within(form).getByTestId('manager-add-save'));
    expect((await screen.findByTestId('managers-done')).textContent).toBe('Budi can now approve.');
    expect(screen.getByTestId('manager-Budi')).toBeTruthy();

    const next = screen.getByTestId('manager-add-form');
    await fill(next, { 'manager-name': 'Sari', 'manager-new-pin': '975310', 'manager-repeat-pin': '975310', 'manager-approver-pin': '1111' });
    await userEvent.click(within(next).getByTestId('manager-add-save'));
    expect(await within(next).findByText('Wrong manager PIN. 3 attempts left.')).toBeTruthy();
    for (const id of ['manager-new-pin', 'manager-repeat-pin', 'manager-approver-pin']) {
      expect((within(next).getByTestId(id) as HTMLInputElement).value, id).toBe('');
    }
    await fill(next, { 'manager-new-pin': '975310', 'manager-repeat-pin': '975310', 'manager-approver-pin': '4821' });
    await userEvent.click(within(next).getByTestId('manager-add-save'));
    expect(await screen.findByTestId('manager-Sari')).toBeTruthy();
    expect(fakeHost.calls('manager.set').map((c) => c.input)).toEqual([
      { name: 'Budi', pin: '4821' },
      { name: 'Sari', pin: '975310', approverPin: '1111' },
      { name: 'Sari', pin: '975310', approverPin: '4821' },
    ]);

    await userEvent.click(within(screen.getByTestId('manager-Budi')).getByTestId('manager-remove'));
    const remove = screen.getByTestId('manager-remove-form');
    await fill(remove, { 'manager-approver-pin': '975310' });
    await userEvent.click(within(remove).getByTestId('manager-remove-confirm'));
    expect((await screen.findByTestId('managers-done')).textContent).toBe('Budi was removed.');
    expect(screen.queryByTestId('manager-Budi')).toBeNull();
  });
});
