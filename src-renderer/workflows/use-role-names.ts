import { useLiveQuery } from '../bridge/BridgeProvider';
import { roleLabel } from '../../src-shared/people/role-label';

/** Role codes as the directory names them ("department_head" → "Department head"). */
export function useRoleNames(): (code: string) => string {
  const roles = useLiveQuery('roles/list', {});
  return (code) => roleLabel(code, roles.data);
}
