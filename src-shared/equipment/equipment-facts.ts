import type { CalibrationEvent, PlanSchedule } from './calibration-schedule';
import type { InstrumentFacts } from './fitness';
import type { Interval } from './interval';
import type { AsFoundVerdict, Verdict } from './tolerance';

/**
 * Stored records (as host and server hold them: plain objects) read as the facts the pure rules
 * use. Tolerant of missing fields, since they read what another PC wrote: a field that is not
 * there counts as empty, never as a pass.
 */
type Doc = Record<string, unknown>;

const dataOf = (doc: Doc): Doc => (doc.data && typeof doc.data === 'object' ? (doc.data as Doc) : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export function instrumentFacts(doc: Doc): InstrumentFacts {
  const data = dataOf(doc);
  return { id: text(doc.id), number: text(doc.number), name: text(data.name) || text(doc.title), status: text(doc.status), custodianId: text(data.custodianId), authorisedUserIds: ids(data.authorisedUserIds) };
}

const isInterval = (value: unknown): value is Interval =>
  Boolean(value) && typeof (value as Interval).count === 'number' && ['days', 'weeks', 'months', 'years'].includes((value as Interval).unit);

/** A calibration plan; one whose interval cannot be read counts as due every day (so a broken plan gates rather than lets through). */
export function planFacts(doc: Doc): PlanSchedule {
  const data = dataOf(doc);
  return {
    id: text(doc.id),
    number: text(doc.number),
    name: text(data.name) || text(doc.title),
    isActive: doc.status === 'active',
    firstDueDate: text(data.firstDueDate) || '0000-01-01',
    interval: isInterval(data.interval) ? data.interval : { count: 1, unit: 'days' },
  };
}

export function calibrationFacts(doc: Doc): CalibrationEvent {
  const data = dataOf(doc);
  const verdict = (value: unknown): Verdict => (value === 'pass' ? 'pass' : 'fail');
  return {
    id: text(doc.id),
    number: text(doc.number),
    planId: text(data.planId),
    performedOn: text(data.performedOn),
    result: verdict(data.result),
    asFound: data.asFoundResult === 'pass' || data.asFoundResult === 'fail' ? (data.asFoundResult as AsFoundVerdict) : 'not_measured',
    isVoided: doc.status === 'voided',
    createdAt: text(doc.createdAt),
  };
}

/** The location of an instrument as one line: "Main site · Building B · Room 2.14 · Bench 3". */
export function locationLine(location: unknown): string {
  const l = (location && typeof location === 'object' ? location : {}) as Doc;
  return [l.site, l.building, l.room, l.bench].map(text).filter(Boolean).join(' · ');
}
