import { codeLabel } from '../format/code-label';
import { builtInRoles } from './roles';

/**
 * A role's name: from the roles the installation defines (`roles/list`, custom ones included) when
 * given, else the built-in name, else the code in words — never the bare code.
 */
export function roleLabel(code: string, roles: readonly { code: string; name: string }[] = builtInRoles): string {
  return roles.find((r) => r.code === code)?.name ?? builtInRoles.find((r) => r.code === code)?.name ?? codeLabel(code);
}
