import type { CommandHandler } from '../../shared/commands';
import { copyText } from '../copyText';
import { userFrom } from '../userArgument';

export function copyUserResourceName(): CommandHandler {
  return (arg: unknown) => {
    const user = userFrom(arg);
    return user ? copyText(user.name) : undefined;
  };
}
