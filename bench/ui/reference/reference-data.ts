import { buildProject } from '../seed-data';

/** The same plan shape the benchmark seeds into the database, built in the page (outside any timing). */
export function referencePlan(tasks: number, dependencies: number, phaseSize: number) {
  const people = ['P1', 'P2', 'P3', 'P4'];
  const today = new Date().toISOString().slice(0, 10);
  return buildProject({ code: 'REF', name: 'Reference', tasks, dependencies, phaseSize, milestones: 0 }, people, 'ADMIN', today, 4242).tasks;
}
