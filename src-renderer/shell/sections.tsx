import AccountTreeIcon from '@mui/icons-material/AccountTree';
import AssignmentIcon from '@mui/icons-material/Assignment';
import BiotechIcon from '@mui/icons-material/Biotech';
import BadgeIcon from '@mui/icons-material/Badge';
import EventIcon from '@mui/icons-material/Event';
import FolderIcon from '@mui/icons-material/Folder';
import HandshakeIcon from '@mui/icons-material/Handshake';
import NotificationsIcon from '@mui/icons-material/Notifications';
import PaymentsIcon from '@mui/icons-material/Payments';
import SettingsIcon from '@mui/icons-material/Settings';
import type { ReactElement } from 'react';
import type { RecordKind } from '../../src-shared/records/record-kind';

export interface Section {
  id: string;
  label: string;
  icon: ReactElement;
  /** What the section will hold, shown while it is still empty. */
  emptyText: string;
  /** The module whose record kinds' registers the section lists (src-shared/records/record-kinds.ts). */
  module?: RecordKind['module'];
}

export const sections: Section[] = [
  { id: 'projects', label: 'Projects', icon: <FolderIcon />, emptyText: 'Projects with their milestones, deliverables, risks, resources and budget.' },
  { id: 'tasks', label: 'Tasks', icon: <AssignmentIcon />, emptyText: 'Your tasks across projects, the Kanban board, the Gantt chart and time tracking will appear here.' },
  { id: 'workflows', label: 'Workflows', icon: <AccountTreeIcon />, emptyText: 'Approval workflows — procurement, budget, leave, CAPA and your own — with their SLAs and history will appear here.' },
  { id: 'meetings', label: 'Meetings', icon: <EventIcon />, emptyText: 'Meetings with agendas, attendees, minutes and action items will appear here.' },
  { id: 'equipment', module: 'equipment', label: 'Equipment', icon: <BiotechIcon />, emptyText: 'Each instrument from procurement through installation, calibration and maintenance to retirement will appear here.' },
  { id: 'crm', module: 'crm', label: 'CRM', icon: <HandshakeIcon />, emptyText: 'Leads, customer interactions, opportunities, quotations and orders will appear here.' },
  { id: 'hr', module: 'hr', label: 'HR', icon: <BadgeIcon />, emptyText: 'Hiring, onboarding, leave requests and appraisals will appear here.' },
  { id: 'finance', module: 'finance', label: 'Finance', icon: <PaymentsIcon />, emptyText: 'Expense claims, invoices, payments and budget approvals will appear here.' },
  { id: 'notifications', label: 'Notifications', icon: <NotificationsIcon />, emptyText: 'Reminders and notices about your tasks, approvals, meetings and calibrations will appear here.' },
  { id: 'settings', label: 'Settings', icon: <SettingsIcon />, emptyText: '' },
];
