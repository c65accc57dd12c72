import type { z } from 'zod';
import { fail, ok, type Result } from '../core/result';
import type { AnyRecordKind } from './record-kind';

/**
 * A kind's data: upgraded from older versions by the kind's migrations, then checked with its zod
 * schema. Records travel between PCs running different LabFlow versions, so every reader upgrades
 * what it reads; data from a newer version than this one knows is kept as it is and shown read-only.
 */

export interface UpgradedData {
  version: number;
  data: Record<string, unknown>;
  /** Written by a newer LabFlow than this one: shown, never changed here. */
  isFromNewerVersion: boolean;
}

/** Applies the kind's migrations from `version` up to the kind's current version. Pure. */
export function upgradeData(kind: AnyRecordKind, version: number, data: Record<string, unknown>): UpgradedData {
  if (version > kind.version) return { version, data, isFromNewerVersion: true };
  let current = data;
  for (let v = Math.max(version, 0) + 1; v <= kind.version; v++) {
    const step = kind.migrations?.[v];
    if (step) current = step(current);
  }
  return { version: kind.version, data: current, isFromNewerVersion: false };
}

/** The first problem of a zod error as a typed error with the field's path under `data.`. */
export function describeDataIssue(error: z.ZodError): { message: string; field: string } {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  return { message: issue?.message ?? 'This record is not valid.', field: path ? `data.${path}` : 'data' };
}

/** The data checked against the kind's schema (with its defaults and trimming applied). */
export function parseData(kind: AnyRecordKind, data: unknown): Result<Record<string, unknown>> {
  const parsed = kind.data.safeParse(data);
  if (parsed.success) return ok(parsed.data as Record<string, unknown>);
  const { message, field } = describeDataIssue(parsed.error);
  return fail('invalid_input', message, { field, details: parsed.error.issues.slice(0, 20).map((i) => ({ path: `data.${i.path.map(String).join('.')}`, message: i.message })) });
}
