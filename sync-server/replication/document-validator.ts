import { Ajv, type ValidateFunction } from 'ajv';
import { validationSchemaOf, type SyncCollection } from '../../src-shared/sync/collections';

export interface DocumentValidator {
  /** Null when the document fits its collection's schema, else the first problem in words. */
  problemOf(collection: SyncCollection, doc: Record<string, unknown>): string | null;
}

/** Validates pushed documents with ajv against the same JSON schemas the desktop's RxDB uses. */
export function createDocumentValidator(collections: SyncCollection[]): DocumentValidator {
  // strict off: RxDB schemas carry their own keywords (maxLength on ids for indexes, `final` …) that ajv would reject.
  const ajv = new Ajv({ allErrors: false, strict: false });
  const compiled = new Map<string, ValidateFunction>(collections.map((c) => [c.name, ajv.compile(validationSchemaOf(c))]));
  return {
    problemOf(collection, doc) {
      const validate = compiled.get(collection.name);
      if (!validate) return `Unknown collection ${collection.name}.`;
      const { _deleted, ...fields } = doc;
      void _deleted;
      if (validate(fields)) return null;
      const error = validate.errors?.[0];
      return error ? `${error.instancePath || 'document'} ${error.message ?? 'is not valid'}`.trim() : 'The document is not valid.';
    },
  };
}
