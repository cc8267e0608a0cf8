/**
 * Drives the real Electron app where an Electron binary exists. On machines where it cannot be
 * downloaded (like CI here), the spec skips and says so; the browser-host specs cover the renderer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const built = fs.existsSync(path.resolve('dist/main/electronMain.cjs'));

test.describe('Electron app', () => {
  test.skip(!binary, 'No Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); run on a machine where `npm install` downloads Electron.');
  test.skip(!built, 'Main process not built: run `npm run build` first.');

  test('opens one sandboxed window showing data from main', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-electron-e2e-'));
    const app = await electron.launch({ executablePath: binary ?? undefined, args: ['.', `--user-data-dir=${userData}`] });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('app-version')).toBeVisible();
      const exposed = await page.evaluate(() => ({ require: typeof (window as unknown as { require?: unknown }).require, pos: typeof window.pos }));
      expect(exposed).toEqual({ require: 'undefined', pos: 'object' });
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
