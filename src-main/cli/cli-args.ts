import { fail, ok, type Result } from '../../src-shared/core/result';

export interface CliArgs {
  /** Words that are not flags, in order (command, subcommand, file, code). */
  words: string[];
  dataDir: string | undefined;
  version: number | undefined;
  isPublish: boolean;
  out: string | undefined;
  isHelp: boolean;
  /** `workflows migrate`: the workflow code, the target and source versions, `old=new` step pairs, who runs it. */
  definition: string | undefined;
  toVersion: number | undefined;
  fromVersion: number | undefined;
  maps: string[];
  isDryRun: boolean;
  as: string | undefined;
}

const versionFlag = (flag: string, text: string | undefined): Result<number> => {
  const version = Number(text);
  return Number.isInteger(version) && version >= 1 ? ok(version) : fail('invalid_input', `${flag} needs a version number (1, 2, …).`);
};

/**
 * Parses `labflow` arguments: words plus `--data-dir`, `--version n`, `--publish`, `--out file`,
 * `--help`, and for `workflows migrate` `--definition`, `--to-version`, `--from-version`, `--map a=b`
 * (repeatable), `--dry-run`, `--as`.
 */
export function parseCliArgs(args: readonly string[]): Result<CliArgs> {
  const parsed: CliArgs = {
    words: [], dataDir: undefined, version: undefined, isPublish: false, out: undefined, isHelp: false,
    definition: undefined, toVersion: undefined, fromVersion: undefined, maps: [], isDryRun: false, as: undefined,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    switch (flag) {
      case '--data-dir': {
        const dir = value();
        if (!dir) return fail('invalid_input', '--data-dir needs a folder.');
        parsed.dataDir = dir;
        break;
      }
      case '--version': {
        const version = versionFlag(flag, value());
        if (!version.ok) return version;
        parsed.version = version.value;
        break;
      }
      case '--out': {
        const out = value();
        if (!out) return fail('invalid_input', '--out needs a file name.');
        parsed.out = out;
        break;
      }
      case '--to-version':
      case '--from-version': {
        const version = versionFlag(flag, value());
        if (!version.ok) return version;
        if (flag === '--to-version') parsed.toVersion = version.value;
        else parsed.fromVersion = version.value;
        break;
      }
      case '--definition':
      case '--as': {
        const text = value();
        if (!text) return fail('invalid_input', flag === '--as' ? '--as needs the e-mail of an administrator.' : '--definition needs a workflow code.');
        if (flag === '--as') parsed.as = text;
        else parsed.definition = text;
        break;
      }
      case '--map': {
        const pair = value();
        if (!pair) return fail('invalid_input', '--map needs old=new, e.g. --map rfq=request_quotes.');
        parsed.maps.push(pair);
        break;
      }
      case '--dry-run':
        parsed.isDryRun = true;
        break;
      case '--publish':
        parsed.isPublish = true;
        break;
      case '--help':
      case '-h':
        parsed.isHelp = true;
        break;
      default:
        if (arg.startsWith('-')) return fail('invalid_input', `Unknown option ${arg}.`);
        parsed.words.push(arg);
    }
  }
  return ok(parsed);
}
