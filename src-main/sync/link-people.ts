import type { PersonDocument } from '../../src-shared/people/person';
import type { HostServices } from '../host/handler-types';

/**
 * Joining a team: a person who exists on this PC and on the server under different ids (each side
 * created them on its own) is matched by email. The PC takes the server's id — a copy of the local
 * document, password hash included so local sign-in keeps working, under the server's id — and the
 * local duplicate is removed. The link is written to the audit trail. Run inside the write queue.
 */
export async function linkPeopleByEmail(services: HostServices, directory: { id: string; email: string }[], actor: { id: string; name: string }): Promise<number> {
  const serverIdByEmail = new Map(directory.map((p) => [p.email.toLowerCase(), p.id]));
  const local = await services.db.people.find({ selector: { kind: 'person' } }).exec();
  let linked = 0;
  for (const doc of local) {
    const person = doc.toJSON() as PersonDocument;
    const serverId = serverIdByEmail.get(person.email.toLowerCase());
    if (!serverId || serverId === person.id) continue;
    if (await services.db.people.findOne(serverId).exec()) continue;
    const { id: _oldId, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, auditId: _a, ...fields } = person;
    await services.writer.insert('people', { ...fields, id: serverId }, { actor, command: 'sync/link-person', now: services.clock() });
    await doc.remove();
    services.log.info('linked a local person to the team by email', { localId: person.id, serverId });
    linked++;
  }
  return linked;
}
