import { verifyLog } from '../../src-shared/audit/audit-chain';
import type { CliArgs } from './cli-args';
import { openDataFolder } from './open-data-folder';
import type { CliIo } from './workflows-cli';

export const AUDIT_USAGE = `  npm run labflow -- audit verify [--data-dir <folder>]`;

/**
 * `labflow audit verify`: checks every writer's hash chain in the data folder's audit log
 * (src-shared/audit/audit-chain.ts) and names the first bad entry of each broken chain. Exit code
 * 0 when every chain is whole, 1 when one is broken, 2 on a usage error.
 */
export async function runAuditCli(args: CliArgs, dataDir: string, io: CliIo): Promise<number> {
  const [, sub] = args.words;
  if (args.isHelp || sub !== 'verify' || args.words.length > 2) {
    (args.isHelp ? io.out : io.err)(`Usage:\n${AUDIT_USAGE}`);
    return args.isHelp ? 0 : 2;
  }
  const opened = await openDataFolder(dataDir);
  if (!opened.ok) {
    io.err(opened.error.message);
    return 1;
  }
  try {
    const entries = (await opened.value.services.db.audit.find().exec()).map((doc) => doc.toJSON() as Record<string, unknown>);
    const report = verifyLog(entries);
    for (const chain of report.chains) {
      if (chain.firstBad) io.out(`BROKEN ${chain.writerId}: ${chain.entries} entries; first bad entry ${chain.firstBad.id} (place ${chain.firstBad.seq}): ${chain.firstBad.problem}.`);
      else io.out(`ok     ${chain.writerId}: ${chain.entries} entries.`);
    }
    if (report.unchained > 0) io.out(`${report.unchained} entries were written before the audit log was chained and cannot be checked.`);
    io.out(report.isIntact ? `The audit log is intact (${report.chains.length} chains).` : 'The audit log has been altered: see the broken chains above.');
    return report.isIntact ? 0 : 1;
  } finally {
    await opened.value.close();
  }
}
