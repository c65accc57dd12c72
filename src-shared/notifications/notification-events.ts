import { z } from 'zod';

/**
 * What a notification is about. Preferences are set per event; the spec's list (task assignment,
 * status change, meeting scheduled, SLA violation, workflow step entry, milestone approaching,
 * calibration due) plus mentions, the scheduler's reminders and administrators' test messages.
 */
export const notificationEvents = [
  'task_assigned',
  'task_status_changed',
  'task_watched',
  'task_due',
  'meeting_scheduled',
  'meeting_reminder',
  'meeting_minutes',
  'meeting_minutes_due',
  'action_item_due',
  'sla_violation',
  'workflow_step_entered',
  'milestone_approaching',
  'equipment_calibration_due',
  'equipment_maintenance_due',
  'crm_follow_up',
  'crm_quotation_expired',
  'training_expiring',
  'person_left',
  'budget_threshold',
  'mention',
  'system',
] as const;

export const notificationEventSchema = z.enum(notificationEvents);
export type NotificationEvent = z.infer<typeof notificationEventSchema>;

export const eventLabels: Record<NotificationEvent, string> = {
  task_assigned: 'Task assigned to me',
  task_status_changed: 'Status change of my tasks',
  task_watched: 'Comments, reassignment and due dates of tasks I watch',
  task_due: 'Task due and overdue',
  meeting_scheduled: 'Meeting scheduled',
  meeting_reminder: 'Meeting about to start',
  meeting_minutes: 'Minutes published',
  meeting_minutes_due: 'Minutes of my meetings not yet published',
  action_item_due: 'Action items due and overdue',
  sla_violation: 'SLA at risk or violated',
  workflow_step_entered: 'Workflow step waiting for me',
  milestone_approaching: 'Milestone approaching',
  equipment_calibration_due: 'Equipment calibration due',
  equipment_maintenance_due: 'Equipment maintenance due',
  crm_follow_up: 'Follow-ups with my sales contacts',
  crm_quotation_expired: 'My quotations expired unanswered',
  training_expiring: 'Training running out (mine and my team’s)',
  person_left: 'Someone’s access ended after their last day (HR)',
  budget_threshold: 'Budgets I hold reaching 80 % and 100 %',
  mention: 'Mentioned in a comment',
  system: 'Messages from the administrator',
};

/** Where a notification can go. In-app is the notification centre; the others are optional. */
export const notificationChannels = ['inApp', 'desktop', 'email', 'webhook'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

export const channelLabels: Record<NotificationChannel, string> = {
  inApp: 'In app',
  desktop: 'Desktop',
  email: 'Email',
  webhook: 'Webhook',
};
