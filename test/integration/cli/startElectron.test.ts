import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const electronDir = path.resolve('node_modules/electron');
const hasBinary = fs.existsSync(path.join(electronDir, 'path.txt'));

describe('npm start without an Electron binary', () => {
  it.skipIf(hasBinary)('explains in one line how to get Electron and exits non-zero, without a stack trace', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/startElectron.ts'], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => l.trim() !== '' && !l.includes('npm warn'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('No Electron binary is installed');
    expect(lines[0]).toContain('npm run dev:browser');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
