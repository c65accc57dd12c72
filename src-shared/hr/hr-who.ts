/**
 * Who is who in HR rules. `hr` holds the `hr` role; `hrScope` is the read scope of everything
 * about one person (HR, the person, their manager now); `hrPrivate` leaves the manager out.
 */
export const hr = { roles: ['hr'] } as const;
export const hrScope = { anyOf: [hr, 'subject', 'manager'] } as const;
export const hrPrivate = { anyOf: [hr, 'subject'] } as const;
/** Hiring: HR and the hiring manager named on a requisition. */
export const hiringTeam = { anyOf: [hr, { field: 'hiringManagerId' }] } as const;
