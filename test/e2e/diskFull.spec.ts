/**
 * What the manager sees when the disk fills (issue 21), in the real renderer over the browser host:
 * the data folder sits on a 64 MB tmpfs that junk from outside fills. Needs Linux and root to mount
 * it; elsewhere the spec is skipped and says why. The full scenario (sales, sends, catalog, restart)
 * is test/integration/storage/diskFull.test.ts.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { mountSmallDisk, smallDiskUnavailable } from '../integration/storage/smallDisk';
import { startApp } from './bootstrap';
import { configureStore, connectLive } from './shell/flows';

const unavailable = smallDiskUnavailable();

test('the status bar and the Queue say sync is paused by a full disk, where to free space, in English and Indonesian, and clear by themselves', async ({
  page,
}) => {
  test.skip(unavailable !== null, unavailable ?? '');
  const disk = mountSmallDisk(64 * 1024 * 1024);
  const app = await startApp({ dataDir: path.join(disk.root, 'data') });
  try {
    await connectLive(page, app);
    await configureStore(app);
    await page.getByTestId('nav-queue').click();
    await expect(page.getByTestId('queue-disk-full')).toHaveCount(0);

    disk.fill();
    // "Sync now" meets the full disk at once (otherwise the app notices within 15 s by itself).
    await page.getByTestId('queue-sync-now').click();
    await expect(page.getByTestId('queue-disk-full')).toContainText(`Sync paused: disk full. Free space on ${app.dataDir} (`);
    await expect(page.getByTestId('status-disk-full')).toContainText(`Free space on ${app.dataDir}`);
    await page.getByTestId('lang-id').click();
    await expect(page.getByTestId('queue-disk-full')).toContainText(`Sinkronisasi dijeda: disk penuh. Kosongkan ruang di ${app.dataDir} (sisa `);

    disk.free();
    await expect(page.getByTestId('queue-disk-full')).toHaveCount(0);
    await expect(page.getByTestId('status-disk-full')).toHaveCount(0);
  } finally {
    await app.close();
    disk.unmount();
  }
});
