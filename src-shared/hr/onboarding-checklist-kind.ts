import { z } from 'zod';
import { defineRecordKind } from '../records/record-kind';
import { hr } from './hr-who';

/**
 * An onboarding checklist template, kept by HR in the HR section's Onboarding tab: lines for HR, IT,
 * the manager and the new hire, each due some days before or after the start date (in calendar or
 * working days). A template applies to a department and/or a role ('' = any); starting onboarding
 * (src-main/hr/onboarding-start.ts, on Hire or from the Onboarding tab) turns the lines of every
 * template that applies into tasks in the assignees' My work. Read by everyone: it says what a
 * newcomer's first weeks hold, nothing about anyone.
 */
export const onboardingRoles = [
  { value: 'hr', label: 'HR' },
  { value: 'it', label: 'IT' },
  { value: 'manager', label: 'Manager' },
  { value: 'new_hire', label: 'New hire' },
] as const;
export type OnboardingWho = (typeof onboardingRoles)[number]['value'];

export const onboardingItemSchema = z.object({
  id: z.string().trim().min(1).max(12),
  title: z.string().trim().min(1, 'Say what is to be done.').max(200),
  who: z.enum(onboardingRoles.map((r) => r.value) as [OnboardingWho, ...OnboardingWho[]]),
  /** Days after the start date (negative: before it). */
  days: z.number().int('Whole days only.').min(-60, 'At most 60 days before the start.').max(180, 'At most 180 days after the start.'),
  isWorkingDays: z.boolean().default(true),
});
export type OnboardingItem = z.infer<typeof onboardingItemSchema>;

/** Every template has this parent, so the start reads all of them in one read. */
export const onboardingTemplatesParent = 'hr-onboarding-templates';

const onboardingChecklistData = z
  .object({
    name: z.string().trim().min(1, 'Name the checklist.').max(120),
    /** The department it applies to ('' = every department). */
    departmentId: z.string().max(40).default(''),
    /** The role it applies to ('' = every role). */
    role: z.string().max(40).default(''),
    /** Who does the IT lines (accounts, laptop, badge). */
    itPersonId: z.string().max(40).default(''),
    items: z.array(onboardingItemSchema).max(100, 'At most 100 lines in one checklist.').default([]),
  })
  .refine((d) => !d.items.some((i) => i.who === 'it') || d.itPersonId !== '', { message: 'Choose who does the IT lines.', path: ['itPersonId'] })
  .refine((d) => new Set(d.items.map((i) => i.id)).size === d.items.length, { message: 'Each line needs its own id.', path: ['items'] });
export type OnboardingChecklistData = z.infer<typeof onboardingChecklistData>;

export const onboardingChecklistKind = defineRecordKind<OnboardingChecklistData>({
  kind: 'onboarding_checklist',
  module: 'hr',
  label: 'Onboarding checklist',
  pluralLabel: 'Onboarding checklists',
  version: 1,
  data: onboardingChecklistData as z.ZodType<OnboardingChecklistData>,
  title: (d) => d.name,
  statuses: [
    { id: 'in_use', label: 'In use', tone: 'success' },
    { id: 'retired', label: 'Retired' },
  ],
  initialStatus: 'in_use',
  transitions: [
    { from: ['in_use'], to: 'retired', label: 'Retire', who: hr },
    { from: ['retired'], to: 'in_use', label: 'Use again', who: hr },
  ],
  columns: { parentId: () => onboardingTemplatesParent, departmentId: (d) => d.departmentId || undefined, ownerId: (d) => d.itPersonId || undefined },
  fields: [
    { field: 'name', label: 'Checklist', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'role', label: 'For role', type: 'text', isDefaultColumn: true, isEditable: true, help: 'Leave empty for every role.' },
    { field: 'itPersonId', label: 'IT lines by', type: 'person', isDefaultColumn: true, isEditable: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
  ],
  create: hr,
  edit: [{ fields: '*', who: hr }],
  remove: { who: hr },
});

/** The templates in use that apply to a new person of this department with these roles. */
export function templatesFor<T extends { status: string; data: OnboardingChecklistData }>(templates: readonly T[], departmentId: string, roles: readonly string[]): T[] {
  return templates.filter((t) => t.status === 'in_use' && (!t.data.departmentId || t.data.departmentId === departmentId) && (!t.data.role || roles.includes(t.data.role)));
}
