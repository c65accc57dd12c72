import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataFolder } from '../../../src-main/database/data-folder-lock';
import { labflow } from '../support/labflow-cli';
import { leaveRequest } from '../../../src-shared/workflows/templates/leave-request';

describe('labflow workflows (command line)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'labflow-cli-'));
  const valid = join(dir, 'leave.json');
  const invalid = join(dir, 'broken.json');
  writeFileSync(valid, JSON.stringify(leaveRequest, null, 2));
  writeFileSync(invalid, JSON.stringify({ ...leaveRequest, initial_step: 'nowhere', steps: [...leaveRequest.steps, { step_id: 'lonely', name: 'Lonely', type: 'task' }] }));

  it('validates a file: 0 when valid, 1 with each problem and its path when not', async () => {
    const ok = await labflow('workflows', 'validate', valid);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain('valid (LEAVE_REQUEST, 8 steps)');
    const bad = await labflow('workflows', 'validate', invalid);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('initial_step: The initial step "nowhere" is not one of the steps.');
    expect(bad.stdout).toMatch(/steps\[8\]\.assignee_type \[step lonely\]: /);
    writeFileSync(join(dir, 'not.json'), '{ "workflow_code": ');
    const garbled = await labflow('workflows', 'validate', join(dir, 'not.json'));
    expect(garbled.code).toBe(1);
    expect(garbled.stderr).toContain('is not valid JSON');
  });

  it('imports into a data folder and exports it back in the spec format', async () => {
    const dataDir = join(dir, 'data');
    const imported = await labflow('workflows', 'import', valid, '--publish', '--data-dir', dataDir);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toContain('Imported LEAVE_REQUEST as version 1 (published).');
    const refused = await labflow('workflows', 'import', invalid, '--data-dir', dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('initial_step');
    const out = join(dir, 'exported.json');
    const exported = await labflow('workflows', 'export', 'LEAVE_REQUEST', '--version', '1', '--out', out, '--data-dir', dataDir);
    expect(exported).toMatchObject({ code: 0 });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ ...leaveRequest, version: 1, status: 'published' });
    expect(await labflow('workflows', 'export', 'NOPE', '--data-dir', dataDir)).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no workflow NOPE') });
    expect(await labflow('workflows', 'export')).toMatchObject({ code: 2 });
  });

  it('refuses politely while a running LabFlow holds the data folder', async () => {
    const dataDir = join(dir, 'busy');
    const lock = lockDataFolder(dataDir);
    if (!lock.ok) throw new Error(lock.error.message);
    try {
      const busy = await labflow('workflows', 'export', 'LEAVE_REQUEST', '--data-dir', dataDir);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain(`LabFlow is already running with the data folder ${dataDir}`);
    } finally {
      lock.value.release();
    }
  });
});
