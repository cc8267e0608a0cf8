import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../../main/app/exitCodes';
import { ALREADY_RUNNING_MESSAGE, classifyStartupError } from '../../../main/app/startupFailure';
import { DataFolderError } from '../../../main/dataFolder/dataFolderError';
import { createOpenLogsFolder } from '../../../main/logging/openLogsFolder';

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-start-'));
  tempDirs.push(dir);
  return dir;
}

describe('start-up with a data folder that cannot be written', () => {
  // A folder under a regular file fails with ENOTDIR even for root, who ignores chmod.
  it('the browser host names the folder and the cause, exits 5 and creates nothing', () => {
    const root = tempDir();
    const blocker = path.join(root, 'not-a-folder');
    fs.writeFileSync(blocker, 'a file where the data folder should be');
    const dataDir = path.join(blocker, 'data');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'main/browserHost/cli.ts', '--data-dir', dataDir], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(EXIT_CODES.dataFolderUnwritable);
    expect(result.stderr).toContain(`its data folder ${dataDir} is not writable (ENOTDIR: part of its path is a file, not a folder)`);
    expect(result.stderr).toContain('--data-dir <folder>');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('a file where the data folder should be');
  });

  it('classifies the failure per host: Electron tells the manager to fix the folder, not a flag', () => {
    const error = new DataFolderError('/home/kasir/.config/DealPOS Counter', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    const electron = classifyStartupError(error, 'electron');
    expect(electron.code).toBe(EXIT_CODES.dataFolderUnwritable);
    expect(electron.message).toContain('/home/kasir/.config/DealPOS Counter is not writable (EACCES: this user may not write there)');
    expect(electron.message).not.toContain('--data-dir');
    const other = classifyStartupError(new Error('boom'), 'electron');
    expect(other).toEqual({ code: EXIT_CODES.unexpected, message: 'DealPOS Counter failed to start: boom' });
    expect(ALREADY_RUNNING_MESSAGE).toContain('already running');
  });
});

describe('app.openLogsFolder', () => {
  it('opens main\'s own logs folder where the host can, reports the OS error where it fails, and answers the path in the browser host', async () => {
    const opened: string[] = [];
    const electron = createOpenLogsFolder('/data/logs', async (folder) => {
      opened.push(folder);
      return '';
    });
    expect(await electron()).toEqual({ path: '/data/logs', opened: true, error: null });
    expect(opened).toEqual(['/data/logs']);
    const failing = createOpenLogsFolder('/data/logs', async () => 'Failed to open path');
    expect(await failing()).toEqual({ path: '/data/logs', opened: false, error: 'Failed to open path' });
    expect(await createOpenLogsFolder('/data/logs', null)()).toEqual({ path: '/data/logs', opened: false, error: null });
  });
});
