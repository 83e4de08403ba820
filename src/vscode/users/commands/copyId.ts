import type { CommandHandler } from '../../shared/commands';
import { userId } from '../../../core/format/users';
import { copyText } from '../copyText';
import { userFrom } from '../userArgument';

export function copyUserId(): CommandHandler {
  return (arg: unknown) => {
    const user = userFrom(arg);
    return user ? copyText(userId(user.name)) : undefined;
  };
}
