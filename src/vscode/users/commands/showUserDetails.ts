import type { CommandHandler } from '../../shared/commands';
import type { DetailsDocuments } from '../detailsDocuments';
import { userFrom } from '../userArgument';

export function showUserDetails(details: DetailsDocuments): CommandHandler {
  return (arg: unknown) => {
    const user = userFrom(arg);
    return user ? details.showUser(user) : undefined;
  };
}
