import { combineLatest, from, switchMap } from 'rxjs';
import { ok } from '../../src-shared/core/result';
import type { SearchHit } from '../../src-shared/records/record-contract';
import { recordKinds } from '../../src-shared/records/record-kinds';
import type { LabDatabase } from '../database/open-database';
import type { QueryHandlers } from '../host/handler-types';
import { recordActor$ } from './record-queries';
import type { RegisterIndex } from './register-index';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Ctrl+K: the records (through the register index, so only what the person may read), projects,
 * tasks and people whose title, number, code, name or email holds every word typed.
 */
export function globalSearchHandlers(indexOf: (db: LabDatabase) => RegisterIndex): QueryHandlers<'records/search'> {
  return {
    'records/search': (input, context) => {
      const words = input.text.toLowerCase().split(/\s+/).filter(Boolean);
      const has = (text: string) => words.every((w) => text.toLowerCase().includes(w));
      const first = new RegExp(escape(words[0] ?? ''), 'i');
      const registers = indexOf(context.db);
      return combineLatest([recordActor$(context.db, context.actor.id)]).pipe(
        switchMap(([actor]) =>
          from(
            (async () => {
              const hits: SearchHit[] = [];
              for (const kind of recordKinds) {
                const index = await registers.of(kind);
                for (const row of registers.readable(index, kind, actor)) {
                  if (words.every((w) => row.searchText.includes(w))) hits.push({ collection: 'records', id: row.id, kind: kind.kind, title: row.title, subtitle: `${kind.label}${row.number ? ` · ${row.number}` : ''}` });
                  if (hits.length >= input.limit) break;
                }
              }
              const [projects, tasks, people] = await Promise.all([
                context.db.projects.find({ selector: { $or: [{ name: { $regex: first } }, { code: { $regex: first } }] }, limit: input.limit }).exec(),
                context.db.tasks.find({ selector: { title: { $regex: first } }, limit: input.limit * 5 }).exec(),
                context.db.people.find({ selector: { kind: 'person', $or: [{ name: { $regex: first } }, { email: { $regex: first } }] }, limit: input.limit }).exec(),
              ]);
              for (const p of projects) if (has(`${p.get('code')} ${p.get('name')}`)) hits.push({ collection: 'projects', id: p.id, kind: 'project', title: String(p.get('name')), subtitle: `Project · ${String(p.get('code'))}` });
              for (const t of tasks) if (has(String(t.get('title')))) hits.push({ collection: 'tasks', id: t.id, kind: 'task', title: String(t.get('title')), subtitle: 'Task' });
              for (const p of people) if (has(`${p.get('name')} ${p.get('email')}`)) hits.push({ collection: 'people', id: p.id, kind: 'person', title: String(p.get('name')), subtitle: String(p.get('email')) });
              return ok(hits.slice(0, input.limit));
            })(),
          ),
        ),
      );
    },
  };
}
