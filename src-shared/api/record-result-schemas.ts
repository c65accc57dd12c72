import { z } from 'zod';
import type { RecordLinkView, RecordView, RegisterPage } from '../records/record-contract';
import type { AnyRecordKind } from '../records/record-kind';
import { exactly } from './schema-types';

/** What the records API answers, as schemas: a record view with its kind's data schema, register pages and links. */

const text = z.string();
const id = z.string().max(40);
const time = z.string();

const recordViewBase = z.object({
  id,
  createdAt: time,
  updatedAt: time,
  createdBy: id,
  updatedBy: id,
  kind: text,
  kindVersion: z.number(),
  title: text,
  status: text,
  number: text,
  numberState: z.enum(['', 'provisional', 'final']),
  parentId: text,
  personId: text,
  managerIds: z.array(text),
  ownerId: text,
  departmentId: text,
  date: text,
  data: z.record(z.string(), z.unknown()),
  kindLabel: text,
  statusLabel: text,
  editableFields: z.array(text),
  transitions: z.array(z.object({ to: text, label: text, needsReason: z.boolean() })),
  canRemove: z.boolean(),
  isFromNewerVersion: z.boolean(),
});
exactly<RecordView>()(recordViewBase);

/** A record of one kind as the API answers it: its `data` described by the kind's own schema. */
export const recordViewSchema = (kind: AnyRecordKind): z.ZodType => recordViewBase.extend({ kind: z.literal(kind.kind), data: kind.data });

export const registerPageSchema = exactly<RegisterPage>()(
  z.object({
    total: z.number().int(),
    offset: z.number().int(),
    rows: z.array(
      z.object({
        id,
        number: text,
        numberState: z.enum(['', 'provisional', 'final']),
        title: text,
        status: text,
        values: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
);

export const recordLinkSchema = exactly<RecordLinkView>()(
  z.object({
    linkId: id,
    relation: text,
    direction: z.enum(['to', 'from']),
    collection: text,
    id,
    kind: text,
    title: text,
    number: text,
    status: text,
  }),
);

export const linksResultSchema = z.array(recordLinkSchema);
