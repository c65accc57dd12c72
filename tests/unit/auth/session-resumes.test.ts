import { describe, expect, it } from 'vitest';
import { createSessionHolder } from '../../../src-main/auth/session';
import { createSessionResumes } from '../../../src-main/auth/session-resumes';

const person = { id: 'p1', name: 'Ada', email: 'ada@lab.org', roles: ['admin'], isActive: true };
let counter = 0;
const tokens = () => `token-${++counter}-${'x'.repeat(24)}`;

describe('session resumes', () => {
  it('continues a sign-in on another connection of the same host', () => {
    const resumes = createSessionResumes(1000, { newToken: tokens });
    const first = createSessionHolder(1000, resumes);
    const session = first.start(person, 0);
    first.end();
    const second = createSessionHolder(1000, resumes);
    expect(second.redeem(session.resumeToken, 900)).toBe('p1');
    expect(second.start(person, 900, session.resumeToken).resumeToken).toBe(session.resumeToken);
  });

  it('counts activity on the connection, not only the sign-in', () => {
    const resumes = createSessionResumes(1000, { newToken: tokens });
    const holder = createSessionHolder(1000, resumes);
    const { resumeToken } = holder.start(person, 0);
    holder.touch(800);
    holder.end();
    expect(resumes.redeem(resumeToken, 1700)).toMatchObject({ personId: 'p1', lastActivityAt: 800 });
  });

  it('refuses a token after the inactivity timeout and forgets it', () => {
    const resumes = createSessionResumes(1000, { newToken: tokens });
    const { resumeToken } = createSessionHolder(1000, resumes).start(person, 0);
    expect(resumes.redeem(resumeToken, 1001)).toBeNull();
    // Activity recorded later cannot revive it.
    resumes.keepAlive(resumeToken, 1002);
    expect(resumes.redeem(resumeToken, 1003)).toBeNull();
  });

  it('ends the token with sign-out but not when a connection closes', () => {
    const resumes = createSessionResumes(1000, { newToken: tokens });
    const closing = createSessionHolder(1000, resumes);
    const kept = closing.start(person, 0).resumeToken;
    closing.end();
    expect(resumes.redeem(kept, 10)).not.toBeNull();

    const signingOut = createSessionHolder(1000, resumes);
    const gone = signingOut.start(person, 0).resumeToken;
    signingOut.signOut();
    expect(resumes.redeem(gone, 10)).toBeNull();
    expect(signingOut.session$.value).toBeNull();
  });

  it('never hands out the same token twice and knows nothing of unknown ones', () => {
    const resumes = createSessionResumes(1000);
    const seen = new Set(Array.from({ length: 200 }, () => resumes.issue('p1', 0)));
    expect(seen.size).toBe(200);
    expect(resumes.redeem('not-a-token-we-issued-aaaaaaaa', 0)).toBeNull();
  });
});
