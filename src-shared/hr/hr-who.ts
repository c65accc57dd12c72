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
 * Dates written into stored record titles (training sessions and completions, attendance days):
 * one fixed locale ("2 Mar 2026", src-shared/format), because the PC and the sync server must stamp
 * the same title for the same record whatever their own locale. Refusal messages, made for the
 * person at hand, use the runtime's locale as the screens do.
 */
export const recordTextPlace = { locale: 'en-GB' } as const;
