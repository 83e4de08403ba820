import { AccessError, Msg, msg } from '../errors';

/** The executable does not exist or cannot be run (ENOENT, EACCES). */
export class ExecutableNotFoundError extends AccessError {
  constructor(
    readonly executable: string,
    message: Msg | undefined,
    detail: string,
    cause: unknown,
  ) {
    super(message ?? msg('The program "{0}" was not found or cannot be run.', executable), ['showLogs'], detail, { cause });
  }
}

/** Any other failure to start the process. */
export class ProcessStartError extends AccessError {
  constructor(
    readonly executable: string,
    detail: string,
    cause: unknown,
  ) {
    super(msg('"{0}" could not be started: {1}', executable, detail), ['showLogs'], detail, { cause });
  }
}

export function abortError(): Error {
  const err = new Error('The operation was cancelled.');
  err.name = 'AbortError';
  return err;
}
