import type { PersonDocument } from '../../src-shared/people/person';
import type { WireDocument } from '../../src-shared/sync/protocol';
import type { HostServices } from '../host/handler-types';

/**
 * Joining a team: a person who exists on this PC and on the server under different ids (each side
 * created them on its own) is matched by email. The PC takes the server's document as it is, adding
 * its own password hash so local sign-in keeps working, and removes the local duplicate (the server
 * never had it, so the removal changes nothing there). Run inside the write queue, before
 * replication starts. Returns how many people were matched.
 */
export async function linkPeopleByEmail(services: HostServices, serverPeople: WireDocument[]): Promise<number> {
  const serverByEmail = new Map(serverPeople.filter((p) => p.kind === 'person' && !p._deleted).map((p) => [String(p.email).toLowerCase(), p]));
  const local = await services.db.people.find({ selector: { kind: 'person' } }).exec();
  let linked = 0;
  for (const doc of local) {
    const person = doc.toJSON() as PersonDocument;
    const match = serverByEmail.get(person.email.toLowerCase());
    if (!match || match.id === person.id) continue;
    const { _deleted: _d, ...fields } = match;
    await services.db.people.upsert({ ...fields, passwordHash: person.passwordHash });
    await doc.remove();
    services.log.info('matched a local person with the team by email', { localId: person.id, serverId: match.id });
    linked++;
  }
  return linked;
}
