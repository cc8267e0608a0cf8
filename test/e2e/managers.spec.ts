import { expect, test } from './bootstrap';
import { checkScreen } from './shell/screenCheck';

test.describe('managers in Settings', () => {
  test('the first manager is added freely, a second only with a manager’s PIN; PINs change and managers go, all kept in main', async ({ page, app }, testInfo) => {
    await page.goto(app.url);
    await page.getByTestId('start-demo').click();
    await expect(page.getByTestId('app-mode')).toHaveAttribute('data-mode', 'demo');
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('settings-managers');
    await expect(section.getByTestId('managers-none')).toBeVisible();

    const add = section.getByTestId('manager-add-form');
    await add.getByTestId('manager-name').fill('Budi');
    await add.getByTestId('manager-new-pin').fill('4821');
    await add.getByTestId('manager-repeat-pin').fill('4821');
    await add.getByTestId('manager-add-save').click();
    await expect(section.getByTestId('managers-done')).toHaveText('Budi can now approve.');

    await add.getByTestId('manager-name').fill('Sari');
    await add.getByTestId('manager-new-pin').fill('975310');
    await add.getByTestId('manager-repeat-pin').fill('975310');
    await add.getByTestId('manager-approver-pin').fill('0000');
    await add.getByTestId('manager-add-save').click();
    await expect(add).toContainText('Wrong manager PIN. 4 attempts left.');
    await checkScreen(page, testInfo, 'settings-managers');
    await add.getByTestId('manager-new-pin').fill('975310');
    await add.getByTestId('manager-repeat-pin').fill('975310');
    await add.getByTestId('manager-approver-pin').fill('4821');
    await add.getByTestId('manager-add-save').click();
    await expect(section.getByTestId('manager-Sari')).toBeVisible();

    await section.getByTestId('manager-Budi').getByTestId('manager-change').click();
    const change = section.getByTestId('manager-change-form');
    await change.getByTestId('manager-new-pin').fill('13579');
    await change.getByTestId('manager-repeat-pin').fill('13579');
    await change.getByTestId('manager-approver-pin').fill('975310');
    await change.getByTestId('manager-change-save').click();
    await expect(section.getByTestId('managers-done')).toHaveText('The PIN of Budi was changed.');

    await section.getByTestId('manager-Sari').getByTestId('manager-remove').click();
    const remove = section.getByTestId('manager-remove-form');
    await remove.getByTestId('manager-approver-pin').fill('13579');
    await remove.getByTestId('manager-remove-confirm').click();
    await expect(section.getByTestId('manager-Sari')).toHaveCount(0);

    // Main agrees: Budi approves with the new PIN, not the old one, and the list holds only names.
    const request = { action: 'queue_void', localId: '00000000-0000-4000-8000-000000000001' } as const;
    expect((await app.services.handlers['manager.approve']({ request, pin: '13579' })).approvedBy).toBe('Budi');
    expect(await app.services.dispatch('manager.approve', { request, pin: '4821' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.services.handlers['manager.list']({})).toEqual({ managers: [{ name: 'Budi' }] });
  });
});
