/** Fields every LabFlow document carries (DESIGN.md §2). Times are ISO-8601 UTC strings. */
export interface BaseDocument {
  id: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  /** Id of the audit entry of the last change, so a crash between audit and change can be rolled forward. */
  auditId: string;
}

const id = { type: 'string', maxLength: 40 } as const;
const isoTime = { type: 'string', maxLength: 30 } as const;

export const baseProperties = {
  id,
  createdAt: isoTime,
  updatedAt: isoTime,
  createdBy: id,
  updatedBy: id,
  auditId: id,
} as const;

export const baseRequired = ['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'auditId'] as const;

export const shortText = (maxLength = 200) => ({ type: 'string', maxLength }) as const;
export const idField = id;
export const timeField = isoTime;
