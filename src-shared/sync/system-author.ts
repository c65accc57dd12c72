/**
 * The author LabFlow itself writes as (`createdBy`/`updatedBy`, an audit entry's actor): timers,
 * escalations and the scheduler's work, from whichever PC notices the moment first. No person's id
 * is ever `system` (ids are generated), so a document naming it claims to be LabFlow's own write;
 * the sync server accepts such a claim only where a rule judges it on the server's own documents
 * and clock (authorship.ts, step-notice-settling.ts, records/labflow-writes.ts, audit-rules.ts).
 */
export const SYSTEM_AUTHOR = 'system';
