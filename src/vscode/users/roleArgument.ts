import type { Role } from '../../core/coscene/model';
import { RoleItem } from './views/roles';

/** Context-menu commands get the tree item; tests and other callers may pass the Role itself. */
export function roleFrom(arg: unknown): Role | undefined {
  if (arg instanceof RoleItem) return arg.role;
  if (arg && typeof arg === 'object' && typeof (arg as Role).code === 'string' && typeof (arg as Role).level === 'string')
    return arg as Role;
  return undefined;
}
