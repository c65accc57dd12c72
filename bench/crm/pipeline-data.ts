/**
 * Records for the CRM benchmark, as a busy sales team would have them: customers and their open
 * opportunities spread over the default pipeline's stages, values and close dates varied, a few
 * in USD. Deterministic (a seeded generator); every `data` is checked with its kind's schema and
 * its columns derived by the kind, as the host does.
 */
import { createIdSource } from '../../src-shared/core/ids';
import { opportunityKind } from '../../src-shared/crm/opportunity-kind';
import { organisationKind } from '../../src-shared/crm/organisation-kind';
import { defaultPipelineStages } from '../../src-shared/crm/pipeline-stages';
import { noManagers, recordColumns, type RecordDocument } from '../../src-shared/records/record-document';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { formatNumber, seriesKey } from '../../src-shared/records/record-numbers';
import { rng } from '../records/record-data';

const companies = ['Nordpharma', 'Kemi', 'Helvetia Labs', 'Brno Bio', 'Aalto Analytics', 'Iberia Quimica', 'Baltic Biotech', 'Danube Diagnostics', 'Alpine Assays', 'Celtic Clinical'];
const services = ['Stability study', 'Method transfer', 'Microbiology testing', 'Water testing', 'Extractables study', 'Calibration contract', 'Validation package', 'Impurity profiling'];

/** Organisations (one per 50 opportunities) and `count` open opportunities owned by `ownerIds`, in one list (organisations first). */
export function pipelineDocuments(count: number, ownerIds: readonly string[]): RecordDocument[] {
  const random = rng(20_261_207);
  const newId = createIdSource(() => Date.UTC(2026, 0, 1), (n) => new Uint8Array(Array.from({ length: n }, () => Math.floor(random() * 256))));
  const counters = new Map<string, number>();
  const createdAt = '2026-06-01T09:00:00.000Z';
  const by = ownerIds[0] as string;
  const build = (kind: AnyRecordKind, data: Record<string, unknown>): RecordDocument => {
    const parsed = kind.data.parse(data) as Record<string, unknown>;
    const numbering = kind.number;
    let number = '';
    if (numbering) {
      const key = seriesKey(numbering, createdAt);
      const counter = (counters.get(key) ?? 0) + 1;
      counters.set(key, counter);
      number = formatNumber(numbering, key, counter);
    }
    return {
      id: newId(), createdAt, updatedAt: createdAt, createdBy: by, updatedBy: by, auditId: 'bench-seed',
      kind: kind.kind, kindVersion: kind.version, status: kind.initialStatus, number, numberState: 'final',
      ...recordColumns(kind, parsed, noManagers), data: parsed,
    };
  };
  const organisations = Array.from({ length: Math.max(1, Math.ceil(count / 50)) }, (_, i) =>
    build(organisationKind, { name: `${companies[i % companies.length]} ${Math.floor(i / companies.length) + 1}`, roles: ['customer'] }));
  const opportunities = Array.from({ length: count }, (_, i) => {
    const stage = defaultPipelineStages[i % defaultPipelineStages.length]!;
    const organisation = organisations[Math.floor(random() * organisations.length)]!;
    const month = 1 + Math.floor(random() * 12);
    return build(opportunityKind, {
      name: `${String(organisation.data.name)}: ${services[Math.floor(random() * services.length)]} ${i + 1}`,
      organisationId: organisation.id,
      stageId: stage.id,
      probabilityPercent: stage.probabilityPercent,
      value: { amountMinor: 100_000 + Math.floor(random() ** 2 * 20_000_000), currency: random() < 0.9 ? 'EUR' : 'USD' },
      expectedCloseOn: `2027-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      ownerId: ownerIds[i % ownerIds.length],
    });
  });
  return [...organisations, ...opportunities];
}
