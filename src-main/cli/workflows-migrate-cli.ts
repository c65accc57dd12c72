import { fail, ok, type Result } from '../../src-shared/core/result';
import { isAdmin } from '../../src-shared/people/roles';
import type { Actor } from '../../src-shared/workflows/instance';
import type { MigrationStepRef } from '../../src-shared/workflows/migration-preview';
import type { MigrationPlanView } from '../../src-shared/workflows/workflow-contract';
import type { LabDatabase } from '../database/open-database';
import { planMigrationView } from '../workflows/migration-planning';
import { createWorkflowRuntime } from '../workflows/workflow-runtime';
import type { CliArgs } from './cli-args';
import { withWorkflowData } from './workflow-data';
import type { CliIo } from './workflows-cli';

export const MIGRATE_USAGE = `  npm run labflow -- workflows migrate --definition <CODE> --to-version <n> [--from-version <n>] [--map old=new …] [--as <administrator's e-mail>] [--dry-run] [--data-dir <folder>]`;

/** Instances moved per write, so a long run reports progress and no transaction grows without bound. */
const BATCH = 200;

/** `--map old=new` pairs as a step mapping; each old step once. */
export function parseStepMapping(pairs: readonly string[]): Result<Record<string, string>> {
  const mapping: Record<string, string> = {};
  for (const pair of pairs) {
    const [from, to, ...rest] = pair.split('=').map((part) => part.trim());
    if (!from || !to || rest.length > 0) return fail('invalid_input', `--map ${pair}: write the old step id, "=", and the new step id, e.g. --map rfq=request_quotes.`);
    if (mapping[from] !== undefined) return fail('invalid_input', `--map names step "${from}" twice.`);
    mapping[from] = to;
  }
  return ok(mapping);
}

/** Who the migration is recorded under: the administrator `--as` names, or the only active one. */
async function administrator(db: LabDatabase, email: string | undefined): Promise<Result<Actor>> {
  const docs = await db.people.find({ selector: { kind: 'person', isActive: true, ...(email ? { email: email.trim().toLowerCase() } : {}) } }).exec();
  const admins = docs.map((d) => d.toJSON() as { id: string; name: string; roles: string[] }).filter((p) => isAdmin(p.roles));
  if (email && admins.length === 0) return fail('forbidden', `${email} is not an active administrator here; only administrators move instances.`);
  if (admins.length !== 1) {
    return fail('invalid_input', admins.length === 0 ? 'This data folder has no active administrator.' : 'Say who moves the instances: --as <administrator\'s e-mail>.');
  }
  const [admin] = admins as [{ id: string; name: string; roles: string[] }];
  return ok({ userId: admin.id, name: admin.name, roles: admin.roles });
}

const stepText = (step: MigrationStepRef) => `${step.stepId} (${step.name})`;

function printPlan(plan: MigrationPlanView, mapping: Readonly<Record<string, string>>, explicit: Readonly<Record<string, string>>, io: CliIo): void {
  io.out(`${plan.code} (${plan.name}) → version ${plan.toVersion}: ${plan.instances.length} running instance${plan.instances.length === 1 ? '' : 's'} to move.`);
  if (plan.stepsToMap.length > 0) io.out('Step mapping:');
  for (const step of plan.stepsToMap) {
    const to = step.targets.find((t) => t.stepId === mapping[step.stepId]);
    const how = explicit[step.stepId] !== undefined ? '--map' : 'same id';
    io.out(to
      ? `  ${stepText(step)} → ${stepText(to)}  [${how}]`
      : `  ${stepText(step)} → not mapped; choose one of: ${step.targets.map((t) => t.stepId).join(', ') || `none (version ${plan.toVersion} has no ${step.type} step)`}`);
  }
  for (const from of Object.keys(explicit).filter((id) => !plan.stepsToMap.some((s) => s.stepId === id))) {
    io.out(`  (--map ${from}=… changes nothing: no chosen instance stands on "${from}".)`);
  }
  for (const item of plan.instances) {
    const where = `  ${item.instanceId}  ${item.label}  v${item.fromVersion}`;
    io.out(item.outcome === 'ready'
      ? `${where}  ${item.moves.map((m) => `${m.from.name} → ${m.to.name}`).join('; ')}`
      : `${where}  refused (${item.code}): ${item.message}`);
  }
}

/** `labflow workflows migrate`: previews (`--dry-run`) or moves running instances. 0 all moved, 1 any refused, 2 usage. */
export async function runMigrateCli(args: CliArgs, dataDir: string, io: CliIo): Promise<number> {
  const { definition: code, toVersion } = args;
  if (!code || toVersion === undefined || args.words.length > 2) {
    io.err(`workflows migrate needs --definition and --to-version.\nUsage:\n${MIGRATE_USAGE}`);
    return 2;
  }
  const explicit = parseStepMapping(args.maps);
  if (!explicit.ok) {
    io.err(explicit.error.message);
    return 2;
  }
  return withWorkflowData(dataDir, io.err, async (services, store) => {
    const choice = { code, toVersion, ...(args.fromVersion ? { fromVersion: args.fromVersion } : {}) };
    const plan = await planMigrationView(services.db, store, { ...choice, stepMapping: explicit.value, suggest: true });
    if (!plan.ok) {
      io.err(plan.error.message);
      return 1;
    }
    const mapping = plan.value.stepMapping;
    printPlan(plan.value, mapping, explicit.value, io);
    const ready = plan.value.instances.filter((i) => i.outcome === 'ready').length;
    io.out(`${ready} would move, ${plan.value.instances.length - ready} refused.`);
    if (args.isDryRun || plan.value.instances.length === 0) return 0;

    const admin = await administrator(services.db, args.as);
    if (!admin.ok) {
      io.err(admin.error.message);
      return 1;
    }
    const runtime = createWorkflowRuntime(services);
    try {
      const ids = plan.value.instances.map((i) => i.instanceId);
      const command = { commandId: `cli-migrate-${services.newId()}` };
      let moved = 0;
      io.out('Result:');
      for (let from = 0; from < ids.length; from += BATCH) {
        const batch = ids.slice(from, from + BATCH);
        const results = await runtime.migrate(batch, toVersion, mapping, command, admin.value);
        results.forEach((result, i) => {
          if (result.ok) moved += 1;
          io.out(`  ${batch[i]}  ${result.ok ? `migrated to version ${toVersion}` : `refused (${result.error.code}): ${result.error.message}`}`);
        });
        if (ids.length > BATCH) io.err(`${Math.min(from + BATCH, ids.length)} of ${ids.length} done.`);
      }
      io.out(`${moved} migrated, ${ids.length - moved} refused.`);
      return moved === ids.length ? 0 : 1;
    } finally {
      runtime.dispose();
    }
  });
}
