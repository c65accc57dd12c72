import { z } from 'zod';
import { command, query } from '../bridge/define';
import { departmentCodeSchema, departmentNameSchema, type DepartmentSummary, type DepartmentView } from './departments';

/** Settings → Departments. Only admins may call the changing commands; every change is audited. */
export const departmentContract = {
  /** Refused with `already_exists` (field `code`) when another department, active or not, has the code. */
  'departments/create': command<DepartmentView>()(z.object({ code: departmentCodeSchema, name: departmentNameSchema })),
  /** Changes the name only: the code stays, so whatever names the department by code keeps finding it. */
  'departments/rename': command<DepartmentView>()(z.object({ id: z.string().min(1), name: departmentNameSchema })),
  /** A deactivated department keeps its people but cannot be chosen for anyone, and workflows skip it. */
  'departments/set-active': command<DepartmentView>()(z.object({ id: z.string().min(1), isActive: z.boolean() })),
  'departments/list': query<DepartmentSummary[]>()(z.object({ includeInactive: z.boolean().default(true) })),
};
