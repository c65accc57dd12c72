/**
 * Which module each contract entry belongs to, for API token scopes (`projects:read`,
 * `workflows:write` …) and the docs' grouping. A command name's first segment decides; the ones
 * below fold into a larger module, and a feature not listed is its own module under its own name,
 * so a new feature gets a scope without an edit here. Record kinds bring their declared `module`.
 */
const moduleOfSegment: Readonly<Record<string, string>> = {
  'plan-items': 'projects',
  milestones: 'projects',
  deliverables: 'projects',
  risks: 'projects',
  allocations: 'projects',
  budget: 'projects',
  utilisation: 'projects',
  comments: 'tasks',
  time: 'tasks',
  'task-filters': 'tasks',
  roles: 'people',
  departments: 'people',
  webhooks: 'notifications',
};

export const moduleOfOperation = (name: string): string => {
  const segment = name.split('/')[0] ?? name;
  return moduleOfSegment[segment] ?? segment;
};

/**
 * Contract entries no API token reaches, with the reason. Sign-in and sessions belong to a person at
 * a screen; team sync's connection is this PC's, not a person's; API tokens and the API's own
 * settings are made in the app only, so a leaked token can neither mint more tokens nor widen its own
 * reach; desktop settings concern the desktop shell.
 */
export const notOverHttp: Readonly<Record<string, string>> = {
  'auth/status': 'sessions belong to the app; API calls authenticate with a token',
  'auth/create-administrator': 'first-run set-up happens in the app',
  'auth/sign-in': 'API calls authenticate with a token',
  'auth/resume': 'API calls authenticate with a token',
  'auth/sign-out': 'API calls authenticate with a token',
  'sync/connect': "joining a team is this PC's, done in Settings → Team sync",
  'sync/disconnect': "leaving a team is this PC's, done in Settings → Team sync",
  'sync/sync-now': "team sync is this PC's",
  'sync/review-conflict': 'a flag for the person at this PC',
  // A file key lives as long as the sign-in it was issued for; a token's call has no sign-in to end it,
  // so a key minted over HTTP would outlive the token's revocation. The API reaches file bytes with
  // the token itself (file-byte-routes.ts).
  'files/access': "file keys belong to a signed-in window of the app, and end with its sign-in",
  'notifications/desktop-settings': 'desktop shell settings',
  'notifications/set-desktop-settings': 'desktop shell settings',
};

/** Token management, the API's settings and this PC's backups (a restore replaces the data under every token): in the app only. */
export const isAppOnlyOperation = (name: string): boolean => name in notOverHttp || name.startsWith('api-tokens/') || name.startsWith('api/') || name.startsWith('backups/');
