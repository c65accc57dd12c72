import { describe, expect, it } from 'vitest';
import { createOutageLog } from '../../../src-main/sync/outage-log';

describe('the sync outage log', () => {
  it('writes one error line when an outage starts, one per new error, and a recovery line when every collection answers again; every outage anew', () => {
    const lines: [string, string, Record<string, unknown> | undefined][] = [];
    let now = 0;
    const log = createOutageLog({ info: (m, f) => lines.push(['info', m, f]), warn: (m, f) => lines.push(['warn', m, f]) }, () => new Date(now));
    for (let outage = 0; outage < 3; outage++) {
      now += 1000;
      for (let retry = 0; retry < 5; retry++) for (const c of ['tasks', 'projects']) log.failed(c, 'The sync server cannot be reached.');
      log.failed('tasks', 'The sync server answered 503.', 'RC_PUSH');
      now += 4000;
      log.succeeded('tasks');
      log.succeeded('people'); // never failed: changes nothing
      log.succeeded('projects');
      log.succeeded('projects');
    }
    const outage = [
      ['warn', 'sync error', { collection: 'tasks', error: 'The sync server cannot be reached.' }],
      ['warn', 'sync error', { collection: 'tasks', error: 'The sync server answered 503.', code: 'RC_PUSH' }],
      ['info', 'sync recovered', { afterMs: 4000, errors: ['The sync server cannot be reached.', 'The sync server answered 503.'] }],
    ];
    expect(lines).toEqual([...outage, ...outage, ...outage]);
  });

  it('ends an outage without a recovery line when sync is stopped', () => {
    const lines: string[] = [];
    const log = createOutageLog({ info: (m) => lines.push(m), warn: (m) => lines.push(m) }, () => new Date(0));
    log.failed('tasks', 'down');
    log.reset();
    log.succeeded('tasks');
    log.failed('tasks', 'down');
    expect(lines).toEqual(['sync error', 'sync error']);
  });
});
