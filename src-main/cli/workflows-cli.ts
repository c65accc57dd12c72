import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { AppError } from '../../src-shared/core/result';
import type { DefinitionProblem } from '../../src-shared/workflows/definition-schema';
import { validateDefinition } from '../../src-shared/workflows/validate-definition';
import { createDefinitionService } from '../workflows/definition-service';
import type { CliArgs } from './cli-args';
import { withWorkflowData } from './workflow-data';
import { MIGRATE_USAGE, runMigrateCli } from './workflows-migrate-cli';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const WORKFLOWS_USAGE = `Usage:
  npm run labflow -- workflows validate <file.json>
  npm run labflow -- workflows import <file.json> [--publish] [--data-dir <folder>]
  npm run labflow -- workflows export <CODE> [--version n] [--out <file.json>] [--data-dir <folder>]
${MIGRATE_USAGE}`;

const describeProblem = (p: DefinitionProblem): string => `  ${p.path || '(definition)'}${p.stepId ? ` [step ${p.stepId}]` : ''}: ${p.message}`;

function readJson(file: string, io: CliIo): { ok: true; value: unknown } | { ok: false } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.err(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)}.`);
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    io.err(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false };
  }
}

function printError(error: AppError, io: CliIo): void {
  io.err(error.message);
  if (error.code === 'invalid_definition' && Array.isArray(error.details)) for (const p of error.details as DefinitionProblem[]) io.err(describeProblem(p));
}

/** `labflow workflows …`: validate, import, export, migrate. Returns the exit code (0 done, 1 invalid or refused, 2 usage). */
export async function runWorkflowsCli(args: CliArgs, dataDir: string, io: CliIo): Promise<number> {
  const [, sub, target] = args.words;
  if (args.isHelp || !sub) {
    io.out(WORKFLOWS_USAGE);
    return args.isHelp ? 0 : 2;
  }
  if (sub === 'migrate') return runMigrateCli(args, dataDir, io);
  if (!target || args.words.length > 3) {
    io.err(WORKFLOWS_USAGE);
    return 2;
  }
  if (sub === 'validate') {
    const read = readJson(target, io);
    if (!read.ok) return 1;
    const problems = validateDefinition(read.value);
    if (problems.length === 0) {
      const definition = read.value as { workflow_code: string; steps: unknown[] };
      io.out(`${target}: valid (${definition.workflow_code}, ${definition.steps.length} steps).`);
      return 0;
    }
    io.out(`${target}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
    for (const problem of problems) io.out(describeProblem(problem));
    return 1;
  }
  if (sub !== 'import' && sub !== 'export') {
    io.err(`Unknown command "workflows ${sub}".\n${WORKFLOWS_USAGE}`);
    return 2;
  }
  const read = sub === 'import' ? readJson(target, io) : undefined;
  if (read && !read.ok) return 1;
  // A file is a finished definition: it is checked in full even when it only becomes a draft.
  const problems = read?.ok ? validateDefinition(read.value) : [];
  if (problems.length > 0) {
    io.err(`${target} was not imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
    for (const problem of problems) io.err(describeProblem(problem));
    return 1;
  }
  return withWorkflowData(dataDir, io.err, async (services, store) => {
    const definitions = createDefinitionService(services, store);
    if (sub === 'import') {
      const actor = { id: 'cli', name: `Command line (${userInfo().username})` };
      const context = { actor, command: 'workflows/definitions/import', now: services.clock() };
      const imported = await definitions.import(`cli-import-${services.newId()}`, (read as { value: unknown }).value, args.isPublish, context);
      if (!imported.ok) {
        printError(imported.error, io);
        return 1;
      }
      const { doc, isNew } = imported.value;
      io.out(
        isNew
          ? `Imported ${doc.code} as version ${doc.version} (${doc.status}).`
          : `${doc.code} version ${doc.version} is already ${doc.status} with this content; nothing changed.`,
      );
      return 0;
    }
    const exported = await definitions.export(target, args.version);
    if (!exported.ok) {
      printError(exported.error, io);
      return 1;
    }
    if (args.out) {
      writeFileSync(args.out, exported.value.json);
      io.err(`Wrote ${exported.value.code} version ${exported.value.version} to ${args.out}.`);
    } else io.out(exported.value.json.trimEnd());
    return 0;
  });
}
