import { describe, expect, it } from 'vitest';
import { backupFolderProblem } from '../../../src-shared/backup/backup-folder';
import { isDailyBackupDue } from '../../../src-shared/backup/backup-schedule';

describe('the backups folder', () => {
  it('must be a full path of its own, not the data folder nor inside its attachments', () => {
    expect(backupFolderProblem('/mnt/nas/labflow-backups', '/home/lab/.labflow')).toBeNull();
    expect(backupFolderProblem('D:\\Backups\\LabFlow', 'C:\\Users\\lab\\LabFlow')).toBeNull();
    expect(backupFolderProblem('/home/lab/.labflow/backups', '/home/lab/.labflow')).toBeNull();
    expect(backupFolderProblem('backups', '/home/lab/.labflow')).toMatch(/full path/);
    expect(backupFolderProblem('/home/lab/.labflow/', '/home/lab/.labflow')).toMatch(/data folder itself/);
    expect(backupFolderProblem('/home/lab/.labflow/attachments/old', '/home/lab/.labflow')).toMatch(/attachments folder/);
    expect(backupFolderProblem('/home/lab/.labflow/attachments-old', '/home/lab/.labflow')).toBeNull();
  });
});

describe('the daily backup', () => {
  it('is due once a day since the last scheduled one, at once when there was none or the clock went back', () => {
    expect(isDailyBackupDue(null, '2026-12-07T08:00:00.000Z')).toBe(true);
    expect(isDailyBackupDue('2026-12-06T09:00:00.000Z', '2026-12-07T08:59:59.999Z')).toBe(false);
    expect(isDailyBackupDue('2026-12-06T09:00:00.000Z', '2026-12-07T09:00:00.000Z')).toBe(true);
    expect(isDailyBackupDue('2026-12-09T09:00:00.000Z', '2026-12-07T09:00:00.000Z')).toBe(true);
    expect(isDailyBackupDue('not a date', '2026-12-07T09:00:00.000Z')).toBe(true);
  });
});
