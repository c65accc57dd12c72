import type { WorkflowDefinition } from '../definition-schema';

/**
 * Document review: the author drafts, three named reviewers (variable `reviewers`, a list of user
 * ids) review and two approvals suffice; QA releases. A rejection sends it back to the author.
 */
export const documentReview: WorkflowDefinition = {
  workflow_code: 'DOCUMENT_REVIEW',
  name: 'Document Review',
  category: 'Quality',
  description: 'Draft, peer review by two of three reviewers, QA release.',
  steps: [
    { step_id: 'draft', name: 'Draft or revise the document', type: 'task', assignee_type: 'variable', assignee_value: 'author_id', next_steps: ['peer_review'] },
    {
      step_id: 'peer_review',
      name: 'Peer review (two of three)',
      type: 'approval',
      assignee_type: 'variable',
      assignee_value: 'reviewers',
      approval: { quorum: 'n_of_m', n: 2, m: 3 },
      require_signature: true,
      conditions: { approve: ['qa_release'], reject: ['draft'] },
    },
    {
      step_id: 'qa_release',
      name: 'QA release',
      type: 'approval',
      assignee_type: 'role',
      assignee_value: 'qa_manager',
      require_signature: true,
      conditions: { approve: ['announce'], reject: ['draft'] },
    },
    {
      step_id: 'announce',
      name: 'Announce the new version',
      type: 'notify',
      assignee_type: 'role',
      assignee_value: 'member',
      message: 'A new version of a controlled document is in force.',
      next_steps: ['released'],
    },
    { step_id: 'released', name: 'Released', type: 'end' },
  ],
  initial_step: 'draft',
  sla_config: {
    peer_review: {
      duration_hours: 72,
      escalation_rules: [
        { at_percent: 50, action: 'notify' },
        { after_breach_hours: 24, action: 'auto_act', auto_action: 'reject', comments: 'No quorum within the review period; back to the author.' },
      ],
    },
    qa_release: { duration_hours: 48 },
  },
};
