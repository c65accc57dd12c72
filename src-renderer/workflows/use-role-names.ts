import { useLiveQuery } from '../bridge/BridgeProvider';

/** Role codes as the directory names them ("department_head" → "Department head"). */
export function useRoleNames(): (code: string) => string {
  const roles = useLiveQuery('roles/list', {});
  return (code) => roles.data?.find((r) => r.code === code)?.name ?? code;
}
