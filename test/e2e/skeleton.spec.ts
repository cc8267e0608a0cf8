import { E2E_VERSION, expect, test } from './bootstrap';

test.describe('walking skeleton through the browser host', () => {
  test('the renderer shows values that came from main', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByTestId('app-version')).toContainText(E2E_VERSION);
    await expect(page.getByTestId('status-connectivity')).toBeVisible();

    // A status change pushed by main reaches the screen over the event stream.
    app.services.status.update({ queue: { pending: 7 } });
    await expect(page.getByTestId('status-pending')).toContainText('7');
    app.services.status.update({ queue: { pending: 0 } });
    await expect(page.getByTestId('status-pending')).toContainText('0');
  });

  test('a change main makes while the event stream is still connecting reaches the screen', async ({ page, app }) => {
    // Hold the event stream's request back, change the status meanwhile, then let it through. The
    // renderer subscribes and then asks for the current status; neither answer may predate the change.
    await page.route('**/api/events*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      app.services.status.update({ queue: { pending: 7 } });
      await route.continue();
    });
    await page.goto(app.url);
    await expect(page.getByTestId('app-version')).toContainText(E2E_VERSION);
    await expect(page.getByTestId('status-pending')).toContainText('7');
  });

  test('navigation reaches every screen', async ({ page, app }) => {
    await page.goto(app.url);
    for (const screen of ['queue', 'settings', 'checkout']) {
      await page.getByTestId(`nav-${screen}`).click();
      await expect(page.getByTestId(`screen-${screen}`)).toBeVisible();
    }
  });

  test('a malformed call gets a typed validation error naming the field, and the host stays up', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByTestId('app-version')).toContainText(E2E_VERSION);
    const result = await page.evaluate(() => {
      const raw = window.pos.app.info as unknown as (input: unknown) => Promise<unknown>;
      return raw({ bogusField: 42 });
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.stringify(result)).toContain('bogusField');

    const unknown = await page.evaluate(async () => {
      const response = await fetch('./api/call/app.nothing', { method: 'POST', headers: { Authorization: `Bearer ${sessionStorage.getItem('dealpos-host-token') ?? ''}` }, body: '{}' });
      return response.json() as Promise<unknown>;
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });

    const info = await page.evaluate(() => window.pos.app.info({}));
    expect(info).toMatchObject({ ok: true, value: { version: E2E_VERSION } });
    expect(JSON.stringify(info)).toContain(JSON.stringify(app.dataDir).slice(1, -1));
  });

  test('the page has no Node and no ipcRenderer, only the contract', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByTestId('app-version')).toContainText(E2E_VERSION);
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      namespaces: Object.keys(window.pos).sort(),
    }));
    expect(globals.require).toBe('undefined');
    expect(globals.process).toBe('undefined');
    expect(globals.namespaces).toContain('app');
    expect(globals.namespaces).toContain('on');
  });
});
