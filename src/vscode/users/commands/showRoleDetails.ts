import type { CommandHandler } from '../../shared/commands';
import type { DetailsDocuments } from '../detailsDocuments';
import { roleFrom } from '../roleArgument';

export function showRoleDetails(details: DetailsDocuments): CommandHandler {
  return (arg: unknown) => {
    const role = roleFrom(arg);
    return role ? details.showRole(role) : undefined;
  };
}
