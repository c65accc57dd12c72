import { auditTime, combineLatest, distinctUntilChanged, from, map, of, startWith, switchMap, type Observable } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { RecordView, RegisterPage } from '../../src-shared/records/record-contract';
import type { RecordDocument } from '../../src-shared/records/record-document';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { pageOf } from '../../src-shared/records/register-view';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import type { QueryHandlers } from '../host/handler-types';
import type { RegisterIndex } from './register-index';
import { actorIn, directory$ } from './record-actor';
import { canReadRecordDoc, readStored, recordViewOf } from './record-store';
import { recordTitles } from './register-lookups';

/** The person as the record rules see them, live: a change of roles or department re-runs what depends on it. */
export function recordActor$(db: LabDatabase, personId: string): Observable<RecordActor> {
  return directory$(db).pipe(
    map((directory) => actorIn(directory, personId)),
    distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
  );
}

const notShared = (): Result<never> => fail('not_found', 'That record no longer exists, or it is not shared with you.');

export function recordQueryHandlers(indexOf: (db: LabDatabase) => RegisterIndex): QueryHandlers<'records/get' | 'records/register'> {
  return {
    'records/get': (input, context) =>
      combineLatest([context.db.records.findOne(input.id).$, recordActor$(context.db, context.actor.id)]).pipe(
        map(([doc, actor]): Result<RecordView> => {
          if (!doc) return notShared();
          const record = readStored(doc.toJSON() as RecordDocument);
          return canReadRecordDoc(actor, record) ? ok(recordViewOf(record, actor)) : notShared();
        }),
      ),

    'records/register': (input, context) => {
      const kind = recordKindOf(input.kind);
      if (!kind) return of(fail('invalid_input', `LabFlow has no record type “${input.kind}”.`, { field: 'kind' }));
      const registers = indexOf(context.db);
      return from(registers.of(kind)).pipe(
        switchMap((index) =>
          // Bursts of changes (an import, a sync catching up) are answered once per 50 ms.
          combineLatest([recordActor$(context.db, context.actor.id), registers.changes$(index).pipe(auditTime(50), startWith(0))]).pipe(
            switchMap(async ([actor]): Promise<Result<RegisterPage>> => {
              const page = pageOf(registers.matching(index, kind, actor, input), input);
              if (!kind.fields.some((f) => f.type === 'record')) return ok(page);
              return ok({ ...page, titles: Object.fromEntries(await recordTitles(context.db, kind, page.rows, actor)) });
            }),
          ),
        ),
      );
    },
  };
}
