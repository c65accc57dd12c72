import type { BehaviorSubject } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { LeadImportProgress } from '../../src-shared/crm/crm-contract';
import type { FeatureRuntime } from '../host/feature';
import type { HostServices } from '../host/handler-types';

/** An import still writing (or done) on this host: whose it is, where it stands, whether to stop. */
export interface LeadImportJob {
  personId: string;
  progress$: BehaviorSubject<LeadImportProgress>;
  isCancelRequested: boolean;
  /** Settles when the job has written its last batch or stopped. */
  done: Promise<void>;
}

/** Per host (by its database): imports live only while the host runs, like a backup being taken. */
const jobsByHost = new WeakMap<object, Map<string, LeadImportJob>>();

export function leadImportsOf(db: object): Map<string, LeadImportJob> {
  const known = jobsByHost.get(db);
  if (known) return known;
  const jobs = new Map<string, LeadImportJob>();
  jobsByHost.set(db, jobs);
  return jobs;
}

/** The person's own import; anyone else's is as unknown as one that never existed. */
export function ownImport(db: object, importId: string, personId: string): Result<LeadImportJob> {
  const job = leadImportsOf(db).get(importId);
  if (!job || job.personId !== personId) return fail('not_found', 'That import is not running on this PC (it finished before LabFlow was restarted, or it is someone else’s).', { field: 'importId' });
  return ok(job);
}

/**
 * Background imports end with the host: closing stops each after the batch being written, and
 * whenIdle() waits for running ones (tests wait on that instead of sleeping).
 */
export function leadImportRuntime(services: HostServices): FeatureRuntime {
  const running = () => [...leadImportsOf(services.db).values()].filter((job) => job.progress$.value.state === 'running');
  return {
    async settle() {
      const jobs = running();
      await Promise.all(jobs.map((job) => job.done));
      return jobs.length === 0;
    },
    async dispose() {
      const jobs = running();
      for (const job of jobs) job.isCancelRequested = true;
      await Promise.all(jobs.map((job) => job.done));
    },
  };
}
