/**
 * Whether a folder chosen for backups can hold them, judged from its path alone (the host then
 * checks it can write there). Pure: paths are compared as text, with either separator.
 */
const trimmed = (path: string) => path.replace(/[\\/]+$/, '');
const isAbsolute = (path: string) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
const isInside = (path: string, folder: string) => {
  const p = trimmed(path);
  const f = trimmed(folder);
  return p === f || p.startsWith(`${f}/`) || p.startsWith(`${f}\\`);
};

/** The problem with `folder` as the backups folder of the data folder `dataDir`, in words; null when it may be used. */
export function backupFolderProblem(folder: string, dataDir: string): string | null {
  if (!isAbsolute(folder)) return 'Enter the full path of a folder, starting from the drive or from /.';
  if (trimmed(folder) === trimmed(dataDir)) return "Backups cannot go into LabFlow's data folder itself; choose a folder of their own (ideally on another disk).";
  if (isInside(folder, `${trimmed(dataDir)}/attachments`)) return "Backups cannot go into LabFlow's attachments folder: each backup would copy the ones before it.";
  return null;
}
