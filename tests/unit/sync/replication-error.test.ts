import { describe, expect, it } from 'vitest';
import { describeReplicationError } from '../../../src-main/sync/team-sync';

describe('replication errors in words', () => {
  it('shows the handler’s own message, not RxDB’s wrapper (whose first line is blank)', () => {
    const wrapped = Object.assign(new Error('\nRC_PULL: Error in replication pull handler\nGiven parameters: {…}'), {
      code: 'RC_PULL',
      parameters: { errors: [{ message: 'LabFlow cannot reach http://sync.lab:4800 (connect ECONNREFUSED).\nstack…' }] },
    });
    expect(describeReplicationError(wrapped)).toBe('LabFlow cannot reach http://sync.lab:4800 (connect ECONNREFUSED).');
  });

  it('falls back to the first non-empty line, and never to nothing', () => {
    expect(describeReplicationError(new Error('\n  RC_PUSH: push failed\nmore'))).toBe('RC_PUSH: push failed');
    expect(describeReplicationError(new Error(''))).toBe('The sync server did not answer as expected.');
  });
});
