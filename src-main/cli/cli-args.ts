import { fail, ok, type Result } from '../../src-shared/core/result';

export interface CliArgs {
  /** Words that are not flags, in order (command, subcommand, file, code). */
  words: string[];
  dataDir: string | undefined;
  version: number | undefined;
  isPublish: boolean;
  out: string | undefined;
  isHelp: boolean;
}

/** Parses `labflow` arguments: words plus `--data-dir`, `--version n`, `--publish`, `--out file`, `--help`. */
export function parseCliArgs(args: readonly string[]): Result<CliArgs> {
  const parsed: CliArgs = { words: [], dataDir: undefined, version: undefined, isPublish: false, out: undefined, isHelp: false };
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
        const version = Number(value());
        if (!Number.isInteger(version) || version < 1) return fail('invalid_input', '--version needs a version number (1, 2, …).');
        parsed.version = version;
        break;
      }
      case '--out': {
        const out = value();
        if (!out) return fail('invalid_input', '--out needs a file name.');
        parsed.out = out;
        break;
      }
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
