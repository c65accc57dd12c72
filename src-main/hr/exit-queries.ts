import { map } from 'rxjs';
import { ok } from '../../src-shared/core/result';
import { accessEndsOn } from '../../src-shared/hr/exit-access';
import type { ExitRow, ExitsView } from '../../src-shared/hr/exit-contract';
import { exitTypes, type ExitData } from '../../src-shared/hr/exit-kind';
import type { QueryHandlers } from '../host/handler-types';
import { live, namesOf, readable } from './hr-records';

const exitTypeLabel = (type: string) => exitTypes.find((t) => t.value === type)?.label ?? type;

/** The exits the asker may read (HR: all; the person: their own), latest last day first. */
export const exitQueryHandlers: QueryHandlers<'hr/exits'> = {
  'hr/exits': (_input, context) =>
    live(context.db, context.actor.id, async (directory, actor): Promise<ExitsView> => {
      const nameOf = namesOf(directory);
      const active = new Set(directory.people.filter((p) => p.isActive).map((p) => p.id));
      const exits = (await readable(context.db, 'exit', actor)).map((doc): ExitRow => {
        const d = doc.data as unknown as ExitData;
        return {
          id: doc.id, number: doc.number, personId: d.personId, personName: nameOf(d.personId), exitType: d.exitType, exitTypeLabel: exitTypeLabel(d.exitType),
          noticeDate: d.noticeDate, lastDay: d.lastDay, status: doc.status, statusLabel: doc.statusLabel, checklist: d.checklist,
          exitInterviewNotes: d.exitInterviewNotes, settlementReference: d.settlementReference,
          accessEndsOn: accessEndsOn([{ status: doc.status, data: d }]) ?? '', isPersonActive: active.has(d.personId),
        };
      });
      return { exits: exits.sort((a, b) => b.lastDay.localeCompare(a.lastDay)) };
    }).pipe(map((view) => ok(view))),
};
