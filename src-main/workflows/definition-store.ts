import type { Subscription } from 'rxjs';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import type { LabDatabase } from '../database/open-database';
import { definitionDocId } from './workflow-ids';
import type { DefinitionDocument } from './workflow-documents';

export interface DefinitionStore {
  /** Every stored version of a code, oldest first. */
  versions(code: string): Promise<DefinitionDocument[]>;
  /** One version's document, cached until any definition changes. */
  version(code: string, version: number): Promise<DefinitionDocument | null>;
  dispose(): void;
}

const plain = (doc: { toJSON(): unknown }): DefinitionDocument => {
  const { _rev, _meta, _attachments, _deleted, ...rest } = doc.toJSON() as DefinitionDocument & Record<string, unknown>;
  void _rev; void _meta; void _attachments; void _deleted;
  const stored = rest as DefinitionDocument;
  // The document is the truth for version and status; the definition object is then reused, so the engine's per-definition step index is built once.
  return { ...stored, definition: { ...stored.definition, version: stored.version, status: stored.status } };
};

/**
 * Reads of `workflow_definitions`. Every advance needs the definition version its instance runs,
 * so versions are cached by id; the cache is dropped on any write to the collection (publishing,
 * retiring, sync), which is rare next to instance traffic.
 */
export function createDefinitionStore(db: LabDatabase): DefinitionStore {
  const cache = new Map<string, Promise<DefinitionDocument | null>>();
  const subscription: Subscription = db.workflow_definitions.$.subscribe(() => cache.clear());
  return {
    async versions(code) {
      const docs = await db.workflow_definitions.find({ selector: { code }, sort: [{ version: 'asc' }] }).exec();
      return docs.map(plain);
    },
    version(code, version) {
      const id = definitionDocId(code, version);
      let found = cache.get(id);
      if (!found) {
        found = db.workflow_definitions.findOne(id).exec().then((doc) => (doc ? plain(doc) : null));
        cache.set(id, found);
        found.catch(() => cache.delete(id));
      }
      return found;
    },
    dispose: () => subscription.unsubscribe(),
  };
}

/** The stored definition, with the version and status of its document. */
export const definitionOf = (doc: DefinitionDocument): WorkflowDefinition => doc.definition;

export { plain as plainDefinition };
