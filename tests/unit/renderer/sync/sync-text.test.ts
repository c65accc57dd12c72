import { describe, expect, it } from 'vitest';
import { consistencyText, countText } from '../../../../src-renderer/sync/sync-text';

describe('the status chip’s count', () => {
  it.each([
    ['syncing', 12, 1200, ' · 1,212 left'],
    ['syncing', 0, 0, ''],
    ['offline', 3, 40, ' · 3 pending'],
    ['up_to_date', 0, 0, ''],
    ['standalone', 5, 0, ''],
  ] as const)('%s with %i to send and %i to receive: “%s”', (phase, pending, toReceive, text) => {
    expect(countText(phase, pending, toReceive)).toBe(text);
  });
});

describe('Settings → Team sync’s consistency line', () => {
  it('says when the check has not run, found nothing, or fetched documents again', () => {
    expect(consistencyText({ lastCheckedAt: null, differences: 0 })).toMatch(/^Consistency check: not run yet/);
    expect(consistencyText({ lastCheckedAt: '2026-03-02T10:14:00Z', differences: 0 })).toMatch(/no document has differed from the server\.$/);
    expect(consistencyText({ lastCheckedAt: '2026-03-02T10:14:00Z', differences: 1 })).toMatch(/1 document was found different from the server and fetched again\.$/);
    expect(consistencyText({ lastCheckedAt: '2026-03-02T10:14:00Z', differences: 2500 })).toMatch(/2,500 documents were found different/);
  });
});
