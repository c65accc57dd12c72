import { hashId } from '../../src-shared/core/hash-id';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { reminderId } from '../../src-shared/scheduler/reminder';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import { stepOf } from '../../src-shared/workflows/definition-graph';
import type { WorkflowEffect } from '../../src-shared/workflows/effects';
import type { WorkflowInstance } from '../../src-shared/workflows/instance';
import type { HostServices } from '../host/handler-types';
import { writeNotices } from '../notifications/notify';
import { peopleOf, type DirectoryPerson } from './people-directory';
import { recordKindLabel } from '../../src-shared/records/record-labels';

/** One in-app notification for one person about a workflow. */
export interface WorkflowNotice {
  /** Deterministic: notifying again about the same thing writes nothing new. */
  id: string;
  recipientId: string;
  event: 'workflow_step_entered' | 'sla_violation' | 'system';
  subject: string;
  body: string;
  instanceId: string;
  key: string;
}

/** Delivers notices (notifyPeople in the host; benchmarks and tests may pass their own). */
export type WorkflowNotifier = (notices: readonly WorkflowNotice[]) => Promise<void>;

/**
 * The notices of an engine result's `notify` effects, one per person (roles expanded to their
 * active holders). "Waiting for you" and "past its deadline" use the ids of the scheduler's
 * workflow reminders (src-shared/scheduler/workflow-reminders.ts: `rm-` + hash of the reminder key),
 * so whichever fires first, the person is told once. Other notices get notify()'s id for the effect's key.
 * People who may not read the instance's record (`isReader`) are left out.
 */
export function noticesOf(
  effects: readonly WorkflowEffect[],
  definition: WorkflowDefinition,
  instance: WorkflowInstance,
  people: ReadonlyMap<string, DirectoryPerson>,
  isReader: (personId: string) => boolean = () => true,
): WorkflowNotice[] {
  const notices: WorkflowNotice[] = [];
  const about = `${definition.name} · ${subjectOf(instance)}`;
  for (const effect of effects) {
    if (effect.type !== 'notify') continue;
    const step = effect.token ? instance.activeSteps.find((s) => s.token === effect.token) : undefined;
    const stepName = (effect.stepId && stepOf(definition, effect.stepId)?.name) || effect.stepId || '';
    // Nobody is told about a record they may not read (a role holder outside a leave request's scope).
    for (const recipientId of peopleOf(people, effect.recipients).filter(isReader)) {
      const base = { recipientId, instanceId: instance.id, body: `${effect.message} (${about})` };
      if (effect.reason === 'step_assigned' && effect.token) {
        const key = `workflow_step_entered:${effect.token}:${recipientId}`;
        notices.push({ ...base, id: reminderId(key), key, event: 'workflow_step_entered', subject: `Waiting for you: ${stepName} (${definition.name})` });
      } else if (effect.reason === 'sla_breached' && effect.token && step?.dueAt) {
        const key = `workflow_sla:${effect.token}:${recipientId}:breached:${step.dueAt}`;
        notices.push({ ...base, id: reminderId(key), key, event: 'sla_violation', subject: `SLA violated: ${stepName} (${definition.name})` });
      } else {
        const event = effect.reason === 'escalation' || effect.reason === 'sla_breached' ? 'sla_violation' : effect.reason === 'incident' ? 'system' : 'workflow_step_entered';
        notices.push({ ...base, id: hashId('ntf', `${effect.key}|${recipientId}`), key: effect.key, event, subject: effect.message });
      }
    }
  }
  return notices;
}

/** What the instance is about, as a lab person reads it: "Leave request LR-2026-0001", not the kind's code and the record's id. */
function subjectOf(instance: WorkflowInstance): string {
  const kind = recordKindOf(instance.entityType);
  if (!kind || !instance.record) return `${recordKindLabel(instance.entityType)} ${instance.entityId}`;
  const number = typeof instance.record.number === 'string' ? instance.record.number : '';
  const title = typeof instance.record.title === 'string' ? instance.record.title : '';
  return [kind.label, number || title].filter(Boolean).join(' ');
}

/** Notices through the notifications feature: preferences, quiet hours, in-app entry, email and webhook outbox in one step. */
export function notifyPeople(services: HostServices): WorkflowNotifier {
  return async (notices) => {
    await writeNotices(
      services,
      notices.map((n) => ({ id: n.id, recipientId: n.recipientId, event: n.event, subject: n.subject, body: n.body, key: n.key, link: { section: 'workflows', itemId: n.instanceId } })),
    );
  };
}
