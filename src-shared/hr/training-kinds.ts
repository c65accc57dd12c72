import { z } from 'zod';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { formatDay } from '../format/display-format';
import { defineRecordKind } from '../records/record-kind';
import { hr, recordTextPlace } from './hr-who';
import { expiryOf } from './training-matrix';

/**
 * Training: courses (what must be learnt, how long it stays valid, who must hold it — by role and by
 * instrument or method), sessions of a course (a date, a trainer, who is enrolled) and completions
 * (a person passed, on a date, with the certificate attached; valid until the course's validity runs
 * out). Courses and sessions are public to the lab; a completion is the person's own HR data, read
 * by HR, the person, their manager and the trainer who signed it.
 */
const trainers = { anyOf: [hr, { roles: ['trainer', 'qa_manager'] }] } as const;

/**
 * Every course has this `parentId`, so an invariant (a booking's training gate) reads all courses in
 * one `byParent` read and picks those an instrument requires; a lab has tens of courses, not thousands.
 */
export const trainingCoursesParent = 'hr-training-courses';

const trainingCourseData = z.object({
  title: z.string().trim().min(1, 'Name the course.').max(200),
  description: z.string().trim().max(5000).default(''),
  /** Months a completion stays valid; 0 = never expires. */
  validityMonths: z.number().int().min(0).max(120).default(0),
  /** Required of holders of these roles. */
  requiredForRoles: z.array(z.string().max(60)).max(50).default([]),
  /** Required to use these instruments (equipment record ids). */
  requiredForEquipmentIds: z.array(recordIdSchema).max(500).default([]),
  /** Methods (SOP codes, e.g. "SOP-HPLC-012") the course qualifies for. */
  methods: z.array(z.string().trim().max(100)).max(100).default([]),
  programme: z.string().trim().max(200).default(''),
});
export type TrainingCourseData = z.infer<typeof trainingCourseData>;

export const trainingCourseKind = defineRecordKind<TrainingCourseData>({
  kind: 'training_course',
  module: 'hr',
  label: 'Training course',
  pluralLabel: 'Training courses',
  version: 1,
  data: trainingCourseData as z.ZodType<TrainingCourseData>,
  title: (d) => d.title,
  searchText: (d) => `${d.programme} ${d.methods.join(' ')}`,
  statuses: [
    { id: 'active', label: 'Active', tone: 'success' },
    { id: 'retired', label: 'Retired' },
  ],
  initialStatus: 'active',
  transitions: [
    { from: ['active'], to: 'retired', label: 'Retire', who: trainers, needsReason: true },
    { from: ['retired'], to: 'active', label: 'Reactivate', who: trainers },
  ],
  number: { prefix: 'TRN', isYearly: false },
  columns: { parentId: () => trainingCoursesParent },
  fields: [
    { field: 'number', label: 'Number', type: 'text', isDefaultColumn: true },
    { field: 'title', label: 'Course', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'programme', label: 'Programme', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'validityMonths', label: 'Valid for (months, 0 = always)', type: 'number', isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'description', label: 'Description', type: 'text', isEditable: true, isMultiline: true },
  ],
  create: trainers,
  edit: [{ fields: '*', who: trainers }],
});

const trainingSessionData = z.object({
  courseId: recordIdSchema,
  date: planDateSchema,
  trainerId: recordIdSchema,
  place: z.string().trim().max(200).default(''),
  capacity: z.number().int().min(1).max(500).default(12),
  enrolledIds: z.array(recordIdSchema).max(500).default([]),
})
  .refine((d) => d.enrolledIds.length <= d.capacity, { message: 'More people are enrolled than the session has places.', path: ['enrolledIds'] })
  .refine((d) => new Set(d.enrolledIds).size === d.enrolledIds.length, { message: 'Someone is enrolled twice.', path: ['enrolledIds'] });
export type TrainingSessionData = z.infer<typeof trainingSessionData>;

export const trainingSessionKind = defineRecordKind<TrainingSessionData>({
  kind: 'training_session',
  module: 'hr',
  label: 'Training session',
  pluralLabel: 'Training sessions',
  version: 1,
  data: trainingSessionData as z.ZodType<TrainingSessionData>,
  title: (d) => `Session on ${formatDay(d.date, recordTextPlace)}`,
  statuses: [
    { id: 'planned', label: 'Planned', tone: 'info' },
    { id: 'held', label: 'Held', tone: 'success', isReadOnly: true },
    { id: 'cancelled', label: 'Cancelled', isReadOnly: true },
  ],
  initialStatus: 'planned',
  transitions: [
    { from: ['planned'], to: 'held', label: 'Mark as held', who: { anyOf: [trainers, { field: 'trainerId' }] } },
    { from: ['planned'], to: 'cancelled', label: 'Cancel', who: trainers, needsReason: true },
  ],
  columns: { parentId: (d) => d.courseId, ownerId: (d) => d.trainerId, date: (d) => d.date },
  links: { parent: 'training_course' },
  fields: [
    { field: 'courseId', label: 'Course', type: 'record', recordKind: 'training_course', isDefaultColumn: true, isRequired: true },
    { field: 'date', label: 'Date', type: 'date', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'trainerId', label: 'Trainer', type: 'person', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'place', label: 'Place', type: 'text', isEditable: true },
    { field: 'capacity', label: 'Places', type: 'number', isEditable: true },
    { field: 'enrolledIds', label: 'Enrolled', type: 'people', isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
  ],
  create: trainers,
  edit: [{ fields: '*', who: { anyOf: [trainers, { field: 'trainerId' }] }, inStatuses: ['planned'] }],
});

const trainingCompletionData = z.object({
  personId: recordIdSchema,
  courseId: recordIdSchema,
  sessionId: z.string().max(40).default(''),
  completedOn: planDateSchema,
  /** Last valid day, from the course's validity ('' = never expires); the invariant keeps it true. */
  expiresOn: z.union([z.literal(''), planDateSchema]).default(''),
  signedById: recordIdSchema,
  note: z.string().trim().max(2000).default(''),
});
export type TrainingCompletionData = z.infer<typeof trainingCompletionData>;

export const trainingCompletionKind = defineRecordKind<TrainingCompletionData>({
  kind: 'training_completion',
  module: 'hr',
  label: 'Training record',
  pluralLabel: 'Training records',
  version: 1,
  data: trainingCompletionData as z.ZodType<TrainingCompletionData>,
  title: (d) => `Completed ${formatDay(d.completedOn, recordTextPlace)}`,
  statuses: [
    { id: 'recorded', label: 'Recorded', tone: 'success', isReadOnly: true },
    { id: 'withdrawn', label: 'Withdrawn', tone: 'error', isReadOnly: true },
  ],
  initialStatus: 'recorded',
  transitions: [{ from: ['recorded'], to: 'withdrawn', label: 'Withdraw (recorded in error)', who: trainers, needsReason: true }],
  columns: { personId: (d) => d.personId, parentId: (d) => d.courseId, date: (d) => d.completedOn },
  links: { parent: 'training_course', related: ['training_session'] },
  fields: [
    { field: 'personId', label: 'Person', type: 'person', isDefaultColumn: true, isRequired: true },
    { field: 'courseId', label: 'Course', type: 'record', recordKind: 'training_course', isDefaultColumn: true, isRequired: true },
    { field: 'completedOn', label: 'Completed', type: 'date', isDefaultColumn: true, isRequired: true },
    { field: 'expiresOn', label: 'Valid until', type: 'date', isDefaultColumn: true },
    { field: 'signedById', label: 'Signed by', type: 'person' },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
  ],
  readScope: { anyOf: [hr, 'subject', 'manager', { field: 'signedById' }] },
  create: { allOf: [trainers, { field: 'signedById' }] },
  edit: [],
  invariant: {
    // The expiry follows from the course's validity: a PC cannot extend a certificate.
    reads: (d) => ({ ids: [{ collection: 'records', id: d.courseId }] }),
    check({ record, previous, lookup }) {
      if (previous) return null;
      const course = lookup.get('records', record.data.courseId);
      if (!course || course.kind !== 'training_course') return { message: 'Choose the course that was completed.', field: 'data.courseId' };
      const validity = Number((course.data as { validityMonths?: unknown } | undefined)?.validityMonths ?? 0);
      const expected = expiryOf(record.data.completedOn, validity);
      return record.data.expiresOn === expected ? null : { message: expected ? `By the course's validity this training is valid until ${formatDay(expected)}.` : 'This course never expires: leave Valid until empty.', field: 'data.expiresOn' };
    },
  },
});
