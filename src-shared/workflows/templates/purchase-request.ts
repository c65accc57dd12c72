import type { WorkflowDefinition } from '../definition-schema';

/**
 * LabFlow's procurement run on a purchase request record (src-shared/equipment/purchase-request-kind.ts),
 * beside the spec's EQUIPMENT_PROCUREMENT, which is kept exactly as the spec writes it. The
 * requester submits with a justification; their manager approves (above 10,000.00 also finance),
 * which approves or rejects the request itself; procurement orders (supplier and final cost go to
 * the record) and confirms receipt, each moving the record on.
 */
export const purchaseRequest: WorkflowDefinition = {
  workflow_code: 'PURCHASE_REQUEST',
  name: 'Purchase Request',
  category: 'Equipment',
  description: 'A purchase request from submission through approval, order and receipt; each step moves the request on.',
  record_kind: 'purchase_request',
  steps: [
    {
      step_id: 'submit',
      name: 'Submit the request',
      type: 'task',
      assignee_type: 'variable',
      assignee_value: 'record.personId',
      next_steps: ['route_by_cost'],
      form: [{ key: 'justification', label: 'Why the lab needs it', type: 'text', multiline: true, required: true, min_length: 10, max_length: 5000, to: 'record.justification' }],
      record_effects: { complete: { status: 'submitted' } },
    },
    {
      step_id: 'route_by_cost',
      name: 'Route by cost',
      type: 'decision',
      routing: { rules: [{ when: { var: 'record.estimatedCost.amountMinor', op: 'gt', value: 1_000_000 }, go: 'manager_and_finance' }], default: 'manager_approval' },
    },
    {
      step_id: 'manager_approval',
      name: 'Manager approval',
      type: 'approval',
      assignee_type: 'variable',
      assignee_value: 'record.manager',
      conditions: { approve: ['order'], reject: [] },
      record_effects: { approve: { status: 'approved' }, reject: { status: 'rejected' } },
    },
    {
      step_id: 'manager_and_finance',
      name: 'Manager and finance approval',
      type: 'approval',
      approval: {
        levels: [
          { name: 'Manager', assignee_type: 'variable', assignee_value: 'record.manager' },
          { name: 'Finance', assignee_type: 'role', assignee_value: 'finance' },
        ],
      },
      conditions: { approve: ['order'], reject: [] },
      record_effects: { approve: { status: 'approved' }, reject: { status: 'rejected' } },
    },
    {
      step_id: 'order',
      name: 'Place the order',
      type: 'task',
      assignee_type: 'role',
      assignee_value: 'procurement_officer',
      next_steps: ['receive'],
      form: [
        { key: 'supplier', label: 'Supplier', type: 'text', required: true, max_length: 200, to: 'record.supplierName' },
        { key: 'final_cost', label: 'Order total', type: 'money', required: true, to: 'record.estimatedCost' },
        { key: 'po_number', label: 'Purchase order number', type: 'text', required: true, pattern: '^PO-[0-9]{4,}$', pattern_message: 'A purchase order number looks like PO-0042.' },
      ],
      record_effects: { complete: { status: 'ordered' } },
    },
    {
      step_id: 'receive',
      name: 'Confirm receipt',
      type: 'task',
      assignee_type: 'role',
      assignee_value: 'procurement_officer',
      next_steps: ['done'],
      form: [
        { key: 'received_on', label: 'Received on', type: 'date', required: true },
        { key: 'delivery_note', label: 'Delivery note', type: 'file', help: 'The scanned delivery note, once attached.' },
      ],
      record_effects: { complete: { status: 'received' } },
    },
    { step_id: 'done', name: 'Received', type: 'end' },
  ],
  initial_step: 'submit',
  sla_config: {
    manager_approval: { duration_hours: 48 },
    manager_and_finance: { duration_hours: 72 },
    order: { duration_hours: 72 },
  },
};
