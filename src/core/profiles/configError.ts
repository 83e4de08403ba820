import { AccessError, Msg } from '../errors';

/** The cocli config file is unreadable or invalid; `line`/`column` (1-based) point at the offending node. */
export class ConfigError extends AccessError {
  constructor(
    userMessage: Msg,
    readonly filePath: string,
    readonly line: number,
    readonly column: number,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, ['openConfig'], detail, options);
  }
}
