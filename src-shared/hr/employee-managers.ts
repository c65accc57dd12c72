/**
 * The managers named on employee records, for `managerLookup`'s explicit map (records/managers.ts):
 * person → manager. Host and sync server build it from the employee records they hold, so the
 * `manager` scope follows HR's record rather than only department heads. A record of someone who has
 * left, or naming no manager, adds nothing. Pure.
 */
export function explicitManagersFrom(employeeRecords: readonly Record<string, unknown>[]): Map<string, string> {
  const managers = new Map<string, string>();
  for (const doc of employeeRecords) {
    if (doc.kind !== 'employee' || doc.status === 'left' || doc._deleted === true) continue;
    const data = (doc.data ?? {}) as { personId?: unknown; managerId?: unknown };
    if (typeof data.personId === 'string' && typeof data.managerId === 'string' && data.managerId && data.managerId !== data.personId) {
      managers.set(data.personId, data.managerId);
    }
  }
  return managers;
}
