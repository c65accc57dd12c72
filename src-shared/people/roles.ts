/** Roles every LabFlow installation starts with. Admins can add more (stored as `kind: 'role'` people documents). */
export const builtInRoles = [
  { code: 'admin', name: 'Administrator' },
  { code: 'department_head', name: 'Department head' },
  { code: 'procurement_manager', name: 'Procurement manager' },
  { code: 'procurement_officer', name: 'Procurement officer' },
  { code: 'qa_manager', name: 'QA manager' },
  { code: 'hr', name: 'HR' },
  { code: 'finance', name: 'Finance' },
  // CRM and sales (src-shared/crm/crm-who.ts): sales staff read and work the sales records; the
  // sales manager also configures the pipeline, approves discounts and merges organisations.
  { code: 'sales', name: 'Sales' },
  { code: 'sales_manager', name: 'Sales manager' },
  { code: 'member', name: 'Member' },
] as const;

export type BuiltInRole = (typeof builtInRoles)[number]['code'];

export const isAdmin = (roles: readonly string[]): boolean => roles.includes('admin');
