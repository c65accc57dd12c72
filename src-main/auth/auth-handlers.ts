import { combineLatest, map } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import { toPersonView } from '../../src-shared/people/person';
import type { PersonDocument } from '../../src-shared/people/person';
import type { SessionView } from '../../src-shared/auth/auth-contract';
import type { Session } from './session';
import { hashPassword, verifyPassword } from './passwords';
import { findPersonByEmail } from '../people/people-store';
import type { CommandHandlers, QueryHandlers } from '../host/handler-types';
import { checkPasswordWithTeam, signInToTeam } from '../sync/sync-feature';
import type { LabDatabase } from '../database/open-database';
import { createSignInBackoff, describeWait, type SignInBackoff } from './sign-in-backoff';

// One back-off per host, found by the host's database (a test process may run several hosts).
const backoffs = new WeakMap<LabDatabase, SignInBackoff>();
/** An administrator's unlock: the person's wrong passwords on this PC are forgotten. */
export const forgetWrongPasswords = (db: LabDatabase, email: string): void => backoffOf(db).succeeded(email);

const backoffOf = (db: LabDatabase): SignInBackoff => {
  let backoff = backoffs.get(db);
  if (!backoff) backoffs.set(db, (backoff = createSignInBackoff()));
  return backoff;
};

/** How long a local sign-in waits for the team's server before going on without it (it keeps trying in the background). */
const TEAM_SIGN_IN_WAIT_MS = 3000;

type AuthCommands = 'auth/create-administrator' | 'auth/sign-in' | 'auth/resume' | 'auth/sign-out';

const toSessionView = (session: Session, expiresAt: number): SessionView => ({ person: session.person, expiresAt: new Date(expiresAt).toISOString(), resumeToken: session.resumeToken });

export const authCommandHandlers: CommandHandlers<AuthCommands> = {
  async 'auth/create-administrator'(input, context) {
    const existing = await context.db.people.count({ selector: { kind: 'person' } }).exec();
    if (existing > 0) return fail('invalid_state', 'An administrator already exists. Sign in instead.');
    const id = context.newId();
    const actor = { id, name: input.name };
    const person = await context.writer.insert<PersonDocument>(
      'people',
      { id, kind: 'person', name: input.name, email: input.email, roles: ['admin'], isActive: true, passwordHash: await hashPassword(input.password) },
      { actor, command: context.command, now: context.clock() },
    );
    const session = context.sessions.start(toPersonView(person), context.clock().getTime());
    return ok(toSessionView(session, context.sessions.expiresAt(session)));
  },

  async 'auth/sign-in'(input, context) {
    const backoff = backoffOf(context.db);
    const waitMs = backoff.waitMs(input.email, context.clock().getTime());
    if (waitMs > 0) {
      context.log.warn('sign-in refused', { email: input.email, reason: 'too many wrong passwords', waitMs });
      return fail('rate_limited', `Too many wrong passwords. Wait ${describeWait(waitMs)} and try again.`, { field: 'password' });
    }
    const person = await findPersonByEmail(context.db, input.email);
    let isValid = await verifyPassword(person?.passwordHash, input.password);
    // In a team, people an administrator added on another PC arrive without a password hash (hashes
    // never travel between PCs): their first sign-in here is checked with the team's server once.
    const isCheckedByTeam = Boolean(person && !person.passwordHash && person.isActive && (await checkPasswordWithTeam(context.db, person, input.password)));
    if (person && isCheckedByTeam) {
      await context.writer.update('people', person.id, { passwordHash: await hashPassword(input.password) }, { actor: { id: person.id, name: person.name }, command: context.command, now: context.clock() });
      isValid = true;
    }
    if (!person || !isValid) {
      backoff.failed(input.email, context.clock().getTime());
      context.log.warn('sign-in refused', { email: input.email, reason: person ? 'wrong password' : 'unknown email' });
      return fail('unauthenticated', 'That email and password do not match. Check both and try again.', { field: 'password' });
    }
    if (!person.isActive) {
      context.log.warn('sign-in refused', { email: input.email, reason: 'deactivated' });
      return fail('forbidden', 'This account is deactivated. Ask an administrator to reactivate it.');
    }
    backoff.succeeded(input.email);
    context.log.info('signed in', { personId: person.id });
    // In a team, the person signs in to the server too, so their changes go with their own identity.
    // Waits a few seconds at most: an unreachable server or another password there leaves them on the PC's account.
    if (!isCheckedByTeam) await signInToTeam(context.db, person, input.password, TEAM_SIGN_IN_WAIT_MS);
    const session = context.sessions.start(toPersonView(person), context.clock().getTime());
    return ok(toSessionView(session, context.sessions.expiresAt(session)));
  },

  async 'auth/resume'(input, context) {
    const now = context.clock().getTime();
    const personId = context.sessions.redeem(input.token, now);
    const doc = personId ? await context.db.people.findOne(personId).exec() : null;
    const person = doc?.kind === 'person' ? (doc.toJSON() as PersonDocument) : null;
    if (!person?.isActive) return fail('unauthenticated', 'Your earlier sign-in has ended. Sign in again.');
    const session = context.sessions.start(toPersonView(person), now, input.token);
    return ok(toSessionView(session, context.sessions.expiresAt(session)));
  },

  async 'auth/sign-out'(_input, context) {
    if (context.session) context.log.info('signed out', { personId: context.session.person.id });
    context.sessions.signOut();
    return ok(null);
  },
};

export const authQueryHandlers: QueryHandlers<'auth/status'> = {
  'auth/status': (_input, context) =>
    combineLatest([context.db.people.count({ selector: { kind: 'person' } }).$, context.sessions.session$]).pipe(
      map(([people, session]) =>
        ok({
          hasAdministrator: people > 0,
          session: session ? toSessionView(session, context.sessions.expiresAt(session)) : null,
        }),
      ),
    ),
};
