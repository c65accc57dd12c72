import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { migrations } from '../../src-shared/db/migrations';
import { collectionNames, schemas, type CollectionName } from '../../src-shared/db/schemas';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { createHeldDocuments, heldAwareConflictHandler, type HeldDocuments } from './held-documents';

addRxPlugin(RxDBLocalDocumentsPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

export const DATABASE_NAME = 'labflow';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents are typed by each feature's handlers
export type LabCollections = Record<CollectionName, RxCollection<any>>;
export type LabDatabase = RxDatabase<LabCollections>;

// Each database's held documents, found by the database: the conflict handlers and team sync share them.
const heldDocuments = new WeakMap<LabDatabase, HeldDocuments>();

/** The documents of this database whose local change waits to be sent (held-documents.ts). */
export function heldDocumentsOf(db: LabDatabase): HeldDocuments {
  const held = heldDocuments.get(db);
  if (!held) throw new Error('The database was not opened by openDatabase');
  return held;
}

interface MetaDocument {
  schemaVersions: Partial<Record<CollectionName, number>>;
}

/**
 * Opens LabFlow's database and its collections, running schema migrations. Never resets data:
 * a file written by a newer LabFlow, a locked or a corrupt file is reported with its path.
 * `describeLocation` names the file in messages (the storage decides where the file is).
 */
export async function openDatabase(storage: RxStorage<unknown, unknown>, describeLocation: string): Promise<Result<LabDatabase>> {
  let db: LabDatabase | undefined;
  try {
    db = await createRxDatabase<LabCollections>({ name: DATABASE_NAME, storage, multiInstance: false, eventReduce: true, localDocuments: true });
    const meta = await db.getLocal<MetaDocument>('meta');
    const stored = meta?.get('schemaVersions') ?? {};
    const newer = collectionNames.filter((name) => (stored[name] ?? 0) > schemas[name].version);
    if (newer.length > 0) {
      await db.close();
      return fail(
        'database_unavailable',
        `The database ${describeLocation} was written by a newer version of LabFlow (${newer.join(', ')}). Update LabFlow to open it; nothing was changed.`,
      );
    }
    const held = createHeldDocuments();
    const collections = Object.fromEntries(
      collectionNames.map((name) => [name, { schema: schemas[name], migrationStrategies: migrations[name] ?? {}, conflictHandler: heldAwareConflictHandler(name, held) }]),
    );
    await db.addCollections(collections);
    heldDocuments.set(db, held);
    await db.upsertLocal<MetaDocument>('meta', {
      schemaVersions: Object.fromEntries(collectionNames.map((name) => [name, schemas[name].version])),
    });
    return ok(db);
  } catch (error) {
    await db?.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    return fail('database_unavailable', `The database ${describeLocation} could not be opened: ${reason}. It was not changed; close other programs using it or restore a backup.`, {
      details: { location: describeLocation },
    });
  }
}
