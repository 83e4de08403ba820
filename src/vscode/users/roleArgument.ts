import type { Role } from '../../core/coscene/model';
import { RoleItem } from './views/roles';

/** A role item's menu command gets the tree item; nothing else is accepted. */
export function roleFrom(arg: unknown): Role | undefined {
  return arg instanceof RoleItem ? arg.role : undefined;
}
