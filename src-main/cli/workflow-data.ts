import type { HostServices } from '../host/handler-types';
import { createDefinitionStore, type DefinitionStore } from '../workflows/definition-store';
import { openDataFolder } from './open-data-folder';

/**
 * Opens the data folder with the workflow definitions for a `workflows …` command, runs it, and
 * closes both whatever happens. Exit code 1, with the reason, when the folder cannot be opened.
 */
export async function withWorkflowData(
  dataDir: string,
  err: (line: string) => void,
  task: (services: HostServices, store: DefinitionStore) => Promise<number>,
): Promise<number> {
  const opened = await openDataFolder(dataDir);
  if (!opened.ok) {
    err(opened.error.message);
    return 1;
  }
  const { services, close } = opened.value;
  const store = createDefinitionStore(services.db);
  try {
    return await task(services, store);
  } finally {
    store.dispose();
    await close();
  }
}
