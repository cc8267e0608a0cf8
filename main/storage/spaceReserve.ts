/**
 * A pre-allocated file the app can give back to the file system: when the disk fills, deleting it
 * frees enough room to record what happened to the invoices in flight (and the log line saying so),
 * instead of leaving them in `sending`. Real bytes are written, not a sparse file, so the blocks are
 * really taken (on tmpfs, ext4, NTFS and APFS alike).
 */
import fs from 'node:fs';
import { errorCode } from '../errorCode';
import { PRIVATE_FILE_MODE } from '../dataFolder/privateFiles';

export const RESERVE_FILE = '.space-reserve';
const CHUNK = Buffer.alloc(64 * 1024);

/** The reserve's size in bytes, 0 when it is missing. */
export function reserveSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 0;
    throw error;
  }
}

/** Writes the reserve up to `bytes` (and syncs it); on failure (disk full) removes what it wrote and throws. */
export function createReserve(file: string, bytes: number): void {
  if (reserveSize(file) >= bytes) return;
  const fd = fs.openSync(file, 'w', PRIVATE_FILE_MODE);
  try {
    for (let written = 0; written < bytes; ) {
      written += fs.writeSync(fd, CHUNK, 0, Math.min(CHUNK.length, bytes - written));
    }
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw error;
  }
  fs.closeSync(fd);
}

/** Deletes the reserve; returns the bytes it gave back (0 when there was none). */
export function releaseReserve(file: string): number {
  const size = reserveSize(file);
  if (size > 0) fs.rmSync(file, { force: true });
  return size;
}
