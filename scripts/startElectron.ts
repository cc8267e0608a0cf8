/**
 * `npm start`: launches Electron on the built app. Where no Electron binary is installed (it is
 * downloaded by the electron package's postinstall), explains in one line how to get one.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    const packageDir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(packageDir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const binary = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
  ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron')
  : electronBinary();
if (!binary || !fs.existsSync(binary)) {
  console.error(
    'No Electron binary is installed: run "npm install" on a machine that can download it (without ELECTRON_SKIP_BINARY_DOWNLOAD), or try the app in a browser with "npm run dev:browser".',
  );
  process.exit(1);
}
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
