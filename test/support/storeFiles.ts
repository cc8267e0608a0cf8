/** The app database and its catalog file, opened together as a session opens them (main/account). */
import { openCatalogDatabase } from '../../main/store/catalogDatabase';
import { openDatabase, type OpenedDatabase } from '../../main/store/database';

export interface StoreFiles {
  readonly app: OpenedDatabase;
  readonly catalog: OpenedDatabase;
  close(): void;
}

export function openStoreFiles(appFile: string): StoreFiles {
  const app = openDatabase({ file: appFile });
  const catalog = openCatalogDatabase({ appFile });
  return {
    app,
    catalog,
    close() {
      catalog.close();
      app.close();
    },
  };
}
