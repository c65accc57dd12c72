/**
 * Who is who in HR rules. `hr` holds the `hr` role; `hrScope` is the read scope of everything
 * about one person (HR, the person, their manager now); `hrPrivate` leaves the manager out.
 */
export const hr = { roles: ['hr'] } as const;
export const hrScope = { anyOf: [hr, 'subject', 'manager'] } as const;
export const hrPrivate = { anyOf: [hr, 'subject'] } as const;
/** Hiring: HR and the hiring manager named on a requisition. */
export const hiringTeam = { anyOf: [hr, { field: 'hiringManagerId' }] } as const;

/**
 * Dates written into stored text (record titles, refusal messages) read as the screens write them
 * ("2 Mar 2026", src-shared/format), in one fixed locale: the PC and the sync server compute the
 * same title for the same record, whatever their own locale.
 */
export const recordTextPlace = { locale: 'en-GB' } as const;
