import type { DiskFullStatus } from '../../shared/contract/app';
import type { Locale } from './defineMessages';
import { formatBytes, type Translate } from './t';

/** "Sync paused: disk full. Free space on <folder> (<free> free)…" in the UI language. */
export function diskFullText(disk: DiskFullStatus, locale: Locale, t: Translate): string {
  return t('shell.status.diskFull', { folder: disk.folder, free: formatBytes(locale, disk.freeBytes) });
}
