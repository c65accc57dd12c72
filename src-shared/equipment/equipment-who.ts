import type { Who } from '../records/who';

/**
 * Who does what in the equipment module, in the records' Who language. QA (the `qa_manager` role)
 * releases instruments, approves calibrations and qualifications; procurement staff buy; each
 * instrument's custodian looks after it. Records about an instrument (calibrations, work orders,
 * bookings …) carry a copy of its custodian (`custodianId`), checked against the instrument when
 * they are written (instrument-copy.ts), so their rules can name the custodian.
 */
export const qa = { roles: ['qa_manager'] } as const satisfies Who;
export const procurement = { roles: ['procurement_manager', 'procurement_officer'] } as const satisfies Who;
export const procurementManager = { roles: ['procurement_manager'] } as const satisfies Who;
export const custodian = { field: 'custodianId' } as const satisfies Who;
export const qaOrCustodian = { anyOf: [qa, custodian] } as const satisfies Who;
