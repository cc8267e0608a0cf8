import fs from 'node:fs';
import type * as NodeHid from 'node-hid';
import { ServiceError } from '../../shared/errors';
import type { HidBackend, HidHandle } from './hidBackend';

/** node-hid says only "cannot open device"; on Linux the hidraw node tells whether it was permissions. */
async function explainOpenFailure(error: unknown, path: string, platform: NodeJS.Platform): Promise<unknown> {
  if (platform !== 'linux' || !path.startsWith('/dev/')) return error;
  try {
    await fs.promises.access(path, fs.constants.R_OK | fs.constants.W_OK);
    return error;
  } catch (accessError) {
    const code = (accessError as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') return error;
    return Object.assign(new Error(`Permission denied opening ${path}`, { cause: error }), { code });
  }
}

/**
 * The real backend over node-hid's async API. The native module is loaded on first use so a
 * missing or broken binary becomes a typed `device_io` error (scanner state `error`) instead of
 * stopping the whole main process at import time.
 */
export async function loadNodeHidBackend(platform: NodeJS.Platform = process.platform): Promise<HidBackend> {
  let hid: typeof NodeHid;
  try {
    hid = await import('node-hid');
  } catch (error) {
    throw new ServiceError('device_io', 'The HID library could not be loaded; only keyboard-mode scanning works', { cause: error });
  }
  return {
    devicesAsync: () => hid.devicesAsync(),
    async open(path, options): Promise<HidHandle> {
      try {
        return await hid.HIDAsync.open(path, { nonExclusive: options.nonExclusive });
      } catch (error) {
        throw await explainOpenFailure(error, path, platform);
      }
    },
  };
}
