// Sets up the training-gate lab in a stopped serve-mode data folder through the host's own commands:
// `node --import tsx tests/e2e/support/seed-training.ts <dataDir>`. The equipment lab's people plus
// Hana (HR); a balance in service that Ben is authorised on; Ben's employee record; the course
// "Balance operation" (valid 12 months) required for that balance; Ben's completion of it from
// thirteen months ago — expired. Runs in its own process (RxDB allows 13 open collections per process).
import { expiryOf } from '../../../src-shared/hr/training-matrix';
import { openEquipmentWorld } from '../../integration/equipment/equipment-world';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: seed-training <dataDir>');
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const lab = await openEquipmentWorld(new Date().toISOString(), { clock: () => new Date() }, dataDir);
const hana = await lab.person('Hana HR', 'hana@lab.org', ['hr']);
const { instrument } = await lab.instrumentInService('Analytical balance XPR205', dateIn(60));
await lab.record(hana.client, 'employee', { personId: lab.ben.id, jobTitle: 'Lab technician', startDate: dateIn(-800) });
const course = await lab.record(lab.quinn.client, 'training_course', { title: 'Balance operation', validityMonths: 12, requiredForEquipmentIds: [instrument.id] });
const completedOn = dateIn(-400);
await lab.record(lab.quinn.client, 'training_completion', { personId: lab.ben.id, courseId: course.id, completedOn, expiresOn: expiryOf(completedOn, 12), signedById: lab.quinn.id });
hana.client.close();
await lab.close();
console.log('seeded');
