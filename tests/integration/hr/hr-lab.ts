import { openLab, type SignedInPerson } from '../support/lab-people';
import { value } from '../tasks/project-fixture';

/**
 * A real host with HR's usual cast, each signed in: Hana (HR), Max, Olga (his manager by his
 * employee record, which HR sets up here) and Otto, a colleague with no part in Max's HR records.
 */
export async function openHrLab(startIso?: string) {
  const lab = await openLab(startIso);
  const hana: SignedInPerson = await lab.addPerson('Hana HR', 'hana@lab.org', ['hr']);
  const max: SignedInPerson = await lab.addPerson('Max Member', 'max@lab.org', ['member']);
  const olga: SignedInPerson = await lab.addPerson('Olga Lead', 'olga@lab.org', ['member']);
  const otto: SignedInPerson = await lab.addPerson('Otto Other', 'otto@lab.org', ['member']);
  value(await hana.client.call('records/create', { kind: 'employee', data: { personId: max.id, jobTitle: 'Lab technician', startDate: '2025-01-01', managerId: olga.id } }));
  return { ...lab, hana, max, olga, otto };
}
