import { join } from 'node:path';
import type { RxStorage } from 'rxdb';
import { getRxStorageSqlite } from '../storage/sqlite/sqlite-storage';
import { DATABASE_NAME } from '../database/open-database';

/** LabFlow's persistent storage: one SQLite file in the data folder. */
export function createLabStorage(dataDir: string): { storage: RxStorage<unknown, unknown>; location: string } {
  return {
    storage: getRxStorageSqlite({ directory: dataDir }) as RxStorage<unknown, unknown>,
    location: join(dataDir, `${DATABASE_NAME}.sqlite`),
  };
}
