import type { ComponentType } from 'react';
import type { RecordView } from '../../src-shared/records/record-contract';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { ActivityTab } from './ActivityTab';
import { AttachmentsTab } from './AttachmentsTab';
import { DetailsTab } from './DetailsTab';
import { LinksTab } from './LinksTab';
import { WorkflowsTab } from './WorkflowsTab';
import { timelineKinds } from '../../src-shared/crm/interaction-timeline';
import { InteractionTimelineTab } from '../crm/InteractionTimelineTab';
import { CustomerAccountTab } from '../crm/CustomerAccountTab';

/** What every record tab is given: the record as this person sees it, and its kind. */
export interface RecordTabProps {
  record: RecordView;
  kind: AnyRecordKind;
}

export interface RecordTab {
  /** In the address: `#/records/<id>/<id of the tab>`. */
  id: string;
  label: string;
  Panel: ComponentType<RecordTabProps>;
  /** Shown only for some records or kinds (every record when absent). */
  isShown?: (record: RecordView, kind: AnyRecordKind) => boolean;
}

/** The tabs of every record page, in order: one line per tab, each a panel taking `RecordTabProps`. */
export const recordTabs: readonly RecordTab[] = [
  { id: 'details', label: 'Details', Panel: DetailsTab },
  { id: 'interactions', label: 'Interactions', Panel: InteractionTimelineTab, isShown: (record) => timelineKinds.has(record.kind) },
  { id: 'account', label: 'Invoices & payments', Panel: CustomerAccountTab, isShown: (record) => record.kind === 'sales_order' || (record.kind === 'organisation' && Array.isArray(record.data.roles) && record.data.roles.includes('customer')) },
  { id: 'links', label: 'Linked records', Panel: LinksTab },
  { id: 'attachments', label: 'Attachments', Panel: AttachmentsTab },
  { id: 'workflows', label: 'Workflows', Panel: WorkflowsTab },
  { id: 'activity', label: 'Activity', Panel: ActivityTab },
];
