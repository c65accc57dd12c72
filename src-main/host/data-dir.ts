import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The per-user app-data folder, as Electron's `app.getPath('userData')` would give it, so the
 * desktop app and serve mode find the same data. `--data-dir` or LABFLOW_DATA_DIR override it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = homedir()): string {
  if (env.LABFLOW_DATA_DIR) return env.LABFLOW_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'LabFlow');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'LabFlow');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'LabFlow');
}
