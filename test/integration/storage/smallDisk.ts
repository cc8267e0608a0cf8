/**
 * A real small file system for disk-full tests: a tmpfs of a given size (Linux, as root), filled
 * with junk from outside the app the way another program would fill a shop PC's disk.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { errorCode } from '../../../main/errorCode';

/** Why a tmpfs cannot be mounted here, or null when it can (checked by mounting a tiny one). */
export function smallDiskUnavailable(): string | null {
  if (process.platform !== 'linux') return `needs Linux to mount a tmpfs (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'needs root to mount a tmpfs (run the tests as root, e.g. in the CI container)';
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `mount -t tmpfs failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

export interface SmallDisk {
  /** The mount point. */
  readonly root: string;
  /** Writes junk outside the app's folder until the disk takes no more; returns the bytes written. */
  fill(): number;
  /** Deletes the junk. */
  free(): void;
  unmount(): void;
}

const BIG = Buffer.alloc(256 * 1024, 0x6a);
const SMALL = Buffer.alloc(4096, 0x6a);

export function mountSmallDisk(sizeBytes: number): SmallDisk {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', root], { stdio: 'pipe' });
  let files = 0;
  const junk: string[] = [];
  return {
    root,
    fill() {
      const file = path.join(root, `junk-${files++}`);
      junk.push(file);
      const fd = fs.openSync(file, 'w');
      let written = 0;
      try {
        for (const chunk of [BIG, SMALL]) {
          for (;;) {
            try {
              written += fs.writeSync(fd, chunk);
            } catch (error) {
              if (errorCode(error) !== 'ENOSPC') throw error;
              break;
            }
          }
        }
      } finally {
        fs.closeSync(fd);
      }
      return written;
    },
    free() {
      for (const file of junk.splice(0)) fs.rmSync(file, { force: true });
    },
    unmount() {
      execFileSync('umount', ['-l', root], { stdio: 'pipe' });
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
