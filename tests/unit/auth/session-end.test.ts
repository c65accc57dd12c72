import { describe, expect, it } from 'vitest';
import { createSessionHolder, type SessionEnd } from '../../../src-main/auth/session';
import type { PersonView } from '../../../src-shared/people/person';

const ada = { id: 'P-ADA', name: 'Ada', email: 'ada@lab.org', roles: ['admin'], isActive: true } as unknown as PersonView; // only id and name are read here

/** What the relay sees: `lastEnd` at the moment the session turns null (the query's teardown). */
function endingsSeen(act: (holder: ReturnType<typeof createSessionHolder>) => void): (SessionEnd | null)[] {
  const holder = createSessionHolder(1_000);
  const seen: (SessionEnd | null)[] = [];
  holder.session$.subscribe((session) => {
    if (session === null) seen.push(holder.lastEnd);
  });
  holder.start(ada, 0);
  act(holder);
  return seen.slice(1); // the first null is the holder's initial value
}

describe('how a session ended (SessionHolder.lastEnd)', () => {
  it('tells inactivity from a sign-out and from a closed connection, at the moment the session ends', () => {
    expect(endingsSeen((h) => h.current(1_001))).toEqual(['timeout']);
    expect(endingsSeen((h) => h.signOut())).toEqual(['signed-out']);
    expect(endingsSeen((h) => h.end())).toEqual(['closed']);
  });

  it('is null again while a new session runs, and a session still in time does not end', () => {
    const holder = createSessionHolder(1_000);
    holder.start(ada, 0);
    holder.current(2_000);
    expect(holder.lastEnd).toBe('timeout');
    holder.start(ada, 2_000);
    expect(holder.lastEnd).toBeNull();
    expect(holder.current(2_500)).not.toBeNull();
    expect(holder.lastEnd).toBeNull();
  });
});
