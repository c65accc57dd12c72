import { defaultDataDir } from '../host/data-dir';
import { parseCliArgs } from './cli-args';
import { AUDIT_USAGE, runAuditCli } from './audit-cli';
import { BACKUP_USAGE, runBackupCli } from './backup-cli';
import { runWorkflowsCli, WORKFLOWS_USAGE, type CliIo } from './workflows-cli';

/**
 * LabFlow's command line: `npm run labflow -- <area> <command> …`. Works on a data folder
 * (`--data-dir`, default the app's own) and refuses politely while a running LabFlow holds it.
 */
const USAGE = `LabFlow command line.\n${WORKFLOWS_USAGE}\n${AUDIT_USAGE}\n${BACKUP_USAGE}\nThe data folder defaults to ${defaultDataDir()} (or LABFLOW_DATA_DIR).`;

const io: CliIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.err(`${parsed.error.message}\n${USAGE}`);
    return 2;
  }
  const args = parsed.value;
  const [area] = args.words;
  if (area === 'workflows') return runWorkflowsCli(args, args.dataDir ?? defaultDataDir(), io);
  if (area === 'audit') return runAuditCli(args, args.dataDir ?? defaultDataDir(), io);
  if (area === 'backup') return runBackupCli(args, args.dataDir ?? defaultDataDir(), io);
  if (args.isHelp) {
    io.out(USAGE);
    return 0;
  }
  io.err(area ? `Unknown area "${area}".\n${USAGE}` : USAGE);
  return 2;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  io.err(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
});
