import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseCsv } from '../../src-shared/crm/csv-parse';
import { previewLeadImport } from '../../src-shared/crm/lead-import';
import { quotationTotals } from '../../src-shared/crm/quotation-money';
import type { QuotationLine } from '../../src-shared/crm/quotation-lines';
import { median, round } from '../ui/page-probes';
import { must, type connectBridge } from '../ui/node-bridge';

type Bridge = Awaited<ReturnType<typeof connectBridge>>;

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time (user + system) the process has used so far, in ms, from /proc (10 ms steps). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  // After the name: state is field 3, utime 14 and stime 15 (proc(5)).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/**
 * Wall-clock time of `work` and the host's CPU time during it: on a shared machine the wall clock
 * mostly measures the wait for a core, the CPU time what the host itself spent.
 */
const timed = async <T>(hostPid: number, work: () => Promise<T>): Promise<[number, T, number]> => {
  const cpu = cpuMsOf(hostPid);
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result, cpuMsOf(hostPid) - cpu];
};

const lineId = (i: number) => `01JBENCHLINE${String(i).padStart(14, '0')}`;

/** A quotation of `count` lines (mixed quantities, discounts and tax rates), through records/create. */
async function quotationWith(bridge: Bridge, organisationId: string, ownerId: string, count: number): Promise<string> {
  const lines: QuotationLine[] = Array.from({ length: count }, (_, i) => ({
    id: lineId(i), description: `Assay ${i + 1}: HPLC purity, method M-${100 + (i % 37)}, per sample`, unit: 'sample',
    quantity: 1 + (i % 12), unitPriceMinor: 4_500 + (i % 50) * 125, discountPercent: i % 7 === 0 ? 5 : 0, taxRatePercent: i % 3 === 0 ? 7 : 19,
  }));
  const total = { amountMinor: quotationTotals(lines, 'per_line').grossMinor, currency: 'EUR' };
  const created = must(await bridge.call('records/create', { kind: 'quotation', data: { organisationId, ownerId, currency: 'EUR', lines, total, validUntil: '2027-06-30', terms: 'Payment within 30 days.' } }), `create a ${count}-line quotation`);
  return created.id;
}

/**
 * quotePdfMs: the host generating the quotation PDF (documents/generate: loading the record and the
 * letterhead, the quotation template, @react-pdf) for 200 lines, median of five, against the same
 * for one line in the same run (alternating, so load hits both alike). The first render of each is
 * a warm-up (fonts).
 */
export async function measureQuotePdf(bridge: Bridge, hostPid: number, ownerId: string) {
  const organisation = must(await bridge.call('records/create', { kind: 'organisation', data: { name: 'Benchmark Pharma GmbH', roles: ['customer'], email: 'orders@bench.example' } }), 'create organisation');
  const long = await quotationWith(bridge, organisation.id, ownerId, 200);
  const short = await quotationWith(bridge, organisation.id, ownerId, 1);
  const generate = async (id: string) => {
    const [ms, document, cpuMs] = await timed(hostPid, () => bridge.call('documents/generate', { subjectType: 'records', subjectId: id, template: 'quotation' }));
    return { ms, cpuMs, pages: must(document, 'generate the quotation PDF').pages };
  };
  await generate(short);
  await generate(long);
  const longs: number[] = [];
  const shorts: number[] = [];
  const longCpu: number[] = [];
  let pages = 0;
  for (let i = 0; i < 5; i++) {
    const a = await generate(long);
    pages = a.pages;
    longs.push(a.ms);
    longCpu.push(a.cpuMs);
    shorts.push((await generate(short)).ms);
  }
  return { quotePdfMs: round(median(longs)), quotePdfHostCpuMs: round(median(longCpu)), onePdfMs: round(median(shorts)), pages, samples: { longs: longs.map(round), shorts: shorts.map(round), longCpu } };
}

/** A trade-show export of `count` leads, one in fifty with an e-mail address the import refuses. */
export function leadCsv(count: number): string {
  const rows = ['Company;First name;Last name;E-mail;Source;Interested in'];
  for (let i = 0; i < count; i++) {
    const email = i % 50 === 49 ? `lead${i}(at)example.org` : `lead${i}@company${i % 900}.example`;
    rows.push(`Company ${i % 900} GmbH;Anna;Keller ${i};${email};${i % 2 ? 'Trade show' : 'Referral'};Stability testing`);
  }
  return `${rows.join('\r\n')}\r\n`;
}

const mapping = { 0: 'companyName', 1: 'firstName', 2: 'lastName', 3: 'email', 4: 'source', 5: 'interest' } as const;

/**
 * importMs: crm/leads/import of 10,000 leads through the host (parse, validate every row, write each
 * valid one as a numbered, audited lead), against the pure part alone (parse + validation, the
 * dialog's preview) in this process, median of three.
 */
export async function measureImport(bridge: Bridge, hostPid: number, count: number) {
  const csv = leadCsv(count);
  const pure: number[] = [];
  let valid = 0;
  for (let i = 0; i < 3; i++) {
    const [ms, preview] = await timed(process.pid, async () => previewLeadImport(parseCsv(csv), mapping, { ownerId: 'bench' }));
    pure.push(ms);
    valid = preview.valid.length;
  }
  // The command answers after the first batch; the import is done when its progress says finished.
  const [importMs, result, importHostCpuMs] = await timed(hostPid, async () => {
    const started = must(await bridge.call('crm/leads/import', { csv, mapping }), 'import leads');
    if (started.state !== 'running') return started;
    return must(await bridge.until('crm/leads/import-progress', { importId: started.importId }, (p) => p.state !== 'running'), 'follow the import');
  });
  const { imported, skipped } = result;
  if (imported !== valid) throw new Error(`imported ${imported}, the preview said ${valid}`);
  return { importMs: round(importMs), importHostCpuMs: round(importHostCpuMs), validationMs: round(median(pure)), imported, skipped };
}
