import { from, map, of, switchMap } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { isAdmin } from '../../src-shared/people/roles';
import { definitionSummaries, definitionVersionView, templateView } from '../../src-shared/workflows/definition-views';
import { builtInTemplates } from '../../src-shared/workflows/templates/built-in-templates';
import type { DefinitionVersionsView } from '../../src-shared/workflows/workflow-contract';
import type { QueryHandlers } from '../host/handler-types';
import { plainDefinition } from './definition-store';
import { nameOfPeople, type RuntimeOf } from './handler-support';

type Names = 'workflows/definitions/list' | 'workflows/definitions/get' | 'workflows/templates/list';

/** Live views of definitions and the built-in templates. */
export function definitionQueryHandlers(runtimeOf: RuntimeOf): QueryHandlers<Names> {
  return {
    'workflows/definitions/list': (input, context) =>
      context.db.workflow_definitions.find().$.pipe(
        map((docs) => {
          const rows = definitionSummaries(docs.map(plainDefinition));
          const shown = rows.filter((row) => (input.status ? row.status === input.status : input.includeRetired || row.status !== 'retired'));
          return ok(input.recordKind === undefined ? shown : shown.filter((row) => row.recordKind === input.recordKind));
        }),
      ),

    'workflows/definitions/get': (input, context) =>
      context.db.workflow_definitions.find({ selector: { code: input.code }, sort: [{ version: 'desc' }] }).$.pipe(
        switchMap((docs) =>
          from(
            (async (): Promise<Result<DefinitionVersionsView>> => {
              if (docs.length === 0) return fail('not_found', `There is no workflow ${input.code}.`);
              const runtime = runtimeOf(context);
              const people = await runtime.directory.load();
              const nameOf = nameOfPeople(people);
              return ok({
                code: input.code,
                versions: docs.map((doc) => definitionVersionView(plainDefinition(doc), nameOf)),
                canManage: isAdmin(people.get(context.actor.id)?.roles ?? []),
              });
            })(),
          ),
        ),
      ),

    'workflows/templates/list': () => of(ok(builtInTemplates.map(templateView))),
  };
}
