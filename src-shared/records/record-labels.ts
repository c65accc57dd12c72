import { codeLabel } from '../format/code-label';
import { recordKindOf } from './record-kinds';

/** A record kind's name ("Leave request"), from its declaration; a kind this PC does not know yet in words. */
export const recordKindLabel = (kind: string): string => recordKindOf(kind)?.label ?? codeLabel(kind);

/** A record kind's name in the plural ("Leave requests"). */
export const recordKindPluralLabel = (kind: string): string => recordKindOf(kind)?.pluralLabel ?? `${codeLabel(kind)} records`;

/** A record's status as its kind names it ("Pending approval"); an undeclared status in words. */
export const recordStatusLabel = (kind: string, status: string): string =>
  recordKindOf(kind)?.statuses.find((s) => s.id === status)?.label ?? codeLabel(status);
