import { organisationProfileKind } from '../documents/organisation-profile-kind';
import { purchaseRequestKind } from '../equipment/purchase-request-kind';
import { leaveRequestKind } from '../hr/leave-request-kind';
import type { AnyRecordKind } from './record-kind';

/**
 * Every record kind LabFlow knows, one line per kind (like src-main/host/features.ts). A module adds
 * its kinds here; commands, registers, record pages, sync rules and API routes follow from them.
 */
export const recordKinds: readonly AnyRecordKind[] = [purchaseRequestKind, leaveRequestKind, organisationProfileKind];

const byName = new Map(recordKinds.map((k) => [k.kind, k]));
if (byName.size !== recordKinds.length) throw new Error('Two record kinds share a name.');

/** The declared kind, or undefined for a kind this LabFlow does not know (e.g. written by a newer version). */
export const recordKindOf = (kind: unknown): AnyRecordKind | undefined => (typeof kind === 'string' ? byName.get(kind) : undefined);
