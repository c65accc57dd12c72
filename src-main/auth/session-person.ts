import { distinctUntilChanged, map, of, switchMap, type Subscription } from 'rxjs';
import { isSameValue } from '../../src-shared/sync/conflicts';
import { toPersonView, type PersonDocument, type PersonView } from '../../src-shared/people/person';
import type { LabDatabase } from '../database/open-database';
import { findPerson, findPersonByEmail } from '../people/people-store';
import type { SessionHolder } from './session';

/**
 * Sessions follow the person (DESIGN.md §6): a session holds who signed in, but what they may do is
 * read from the directory as it is now — an administrator who is demoted loses the rights at once,
 * and someone deactivated (here, or by an administrator on another PC, arriving by sync) is signed
 * out at once with the reason shown on the sign-in screen.
 */

const sameView = (a: PersonView, b: PersonView) => isSameValue(a, b);

/**
 * Brings the session's person up to date before a command runs. `deactivated` when the person is no
 * longer active (or no longer exists): the caller ends the session. A person whose id changed
 * (matched with the team's on joining) continues under the id the team knows.
 */
export async function refreshSessionPerson(db: LabDatabase, sessions: SessionHolder): Promise<'ok' | 'deactivated'> {
  const session = sessions.session$.value;
  if (!session) return 'ok';
  const person: PersonDocument | null = (await findPerson(db, session.person.id)) ?? (await findPersonByEmail(db, session.person.email));
  if (!person?.isActive) return 'deactivated';
  const view = toPersonView(person);
  if (!sameView(view, session.person)) sessions.update(view);
  return 'ok';
}

/** Watches the signed-in person: roles and name follow at once; `onDeactivated` when they are deactivated. */
export function watchSessionPerson(db: LabDatabase, sessions: SessionHolder, onDeactivated: () => void): Subscription {
  return sessions.session$
    .pipe(
      map((session) => session?.person.id ?? null),
      distinctUntilChanged(),
      switchMap((id) => (id ? db.people.findOne(id).$ : of(null))),
    )
    .subscribe((doc) => {
      const session = sessions.session$.value;
      if (!doc || !session || doc.id !== session.person.id) return;
      const person = doc.toJSON() as PersonDocument;
      if (!person.isActive) return onDeactivated();
      const view = toPersonView(person);
      if (!sameView(view, session.person)) sessions.update(view);
    });
}
