import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import { tempDataDir } from '../support/sqlite-host';
import { openNotificationHost, signInAdmin } from '../notifications/support';

/**
 * The meeting commands the UI sends while editing agendas, decisions, action items and calendar
 * settings, at the bridge boundary with input no honest window sends: each is refused as invalid
 * input and nothing is written. (Their happy paths run in meetings.spec.ts through the UI.)
 */
let host: Host;
let call: (name: string, input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;

beforeAll(async () => {
  host = await openNotificationHost(tempDataDir());
  const admin = await signInAdmin(host);
  call = (name, input) => admin.client.call(name, input) as Promise<{ ok: boolean; error?: { code: string } }>;
}, 120_000);
afterAll(async () => host?.close());

const commands = [
  'calendar/export',
  'calendar/set-lead-times',
  'meetings/actions/remove',
  'meetings/actions/set-done',
  'meetings/actions/update',
  'meetings/agenda/remove',
  'meetings/agenda/reorder',
  'meetings/agenda/update',
  'meetings/decisions/remove',
  'meetings/ics',
] as const;

describe('meeting commands with bad input', () => {
  it.each(commands)('%s refuses input of the wrong shape and writes nothing', async (name) => {
    const before = await host.db.meetings.count().exec();
    const auditBefore = await host.db.audit.count().exec();
    for (const input of [['not', 'an', 'object'], 'a text', 42]) {
      const answer = await call(name, input);
      expect(answer.ok, `${name} ${JSON.stringify(input).slice(0, 60)}`).toBe(false);
      expect(answer.error?.code).toBe('invalid_input');
    }
    expect(await host.db.meetings.count().exec()).toBe(before);
    expect(await host.db.audit.count().exec()).toBe(auditBefore);
  });
});
