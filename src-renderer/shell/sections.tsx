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

export interface Section {
  id: string;
  label: string;
  icon: ReactElement;
  /** What the section will hold, shown while it is still empty. */
  emptyText: string;
}

export const sections: Section[] = [
  { id: 'projects', label: 'Projects', icon: <FolderIcon />, emptyText: 'Projects with their milestones, deliverables, risks, resources and budget.' },
  { id: 'tasks', label: 'Tasks', icon: <AssignmentIcon />, emptyText: 'Your tasks across projects, the Kanban board, the Gantt chart and time tracking will appear here.' },
  { id: 'workflows', label: 'Workflows', icon: <AccountTreeIcon />, emptyText: 'Approval workflows — procurement, budget, leave, CAPA and your own — with their SLAs and history will appear here.' },
  { id: 'meetings', label: 'Meetings', icon: <EventIcon />, emptyText: '' },
  { id: 'equipment', label: 'Equipment', icon: <BiotechIcon />, emptyText: 'Each instrument from procurement through installation, calibration and maintenance to retirement will appear here.' },
  { id: 'crm', label: 'CRM', icon: <HandshakeIcon />, emptyText: 'Leads, customer interactions, opportunities, quotations and orders will appear here.' },
  { id: 'hr', label: 'HR', icon: <BadgeIcon />, emptyText: 'Hiring, onboarding, leave requests and appraisals will appear here.' },
  { id: 'finance', label: 'Finance', icon: <PaymentsIcon />, emptyText: 'Expense claims, invoices, payments and budget approvals will appear here.' },
  { id: 'notifications', label: 'Notifications', icon: <NotificationsIcon />, emptyText: 'Reminders and notices about your tasks, approvals, meetings and calibrations will appear here.' },
  { id: 'settings', label: 'Settings', icon: <SettingsIcon />, emptyText: '' },
];
