import { AccessError, msg } from '../../core/errors';
import type { RunResult } from '../../core/process/runProcess';
import { clientName, displayCommandLine } from '../../core/registry/argv';
import { clientFailureSummary } from '../../core/registry/clientOutput';
import type { RegistryContext } from './registryContext';
import { clientExecutable } from './settings';

const CLIENT_TIMEOUT_MS = 120_000;

export interface ClientRun {
  args: readonly string[];
  stdin?: string;
  secrets?: readonly string[];
  signal?: AbortSignal;
}

/**
 * Runs `<client> <args>` in the registry terminal. Resolves on exit code 0 (warnings on stderr, such as
 * docker's "stored unencrypted", are only shown); anything else becomes an AccessError with retry.
 */
export async function runClient(ctx: RegistryContext, run: ClientRun): Promise<{ executable: string; result: RunResult }> {
  const executable = clientExecutable();
  const commandLine = displayCommandLine(executable, run.args);
  ctx.log.info(`Running ${commandLine}`);
  const result = await ctx.terminal.run({
    executable,
    args: run.args,
    stdin: run.stdin,
    secrets: run.secrets,
    signal: run.signal,
    timeoutMs: CLIENT_TIMEOUT_MS,
    missingExecutable: msg(
      'The container client "{0}" was not found. Install Docker or Podman, or set "coscene.registry.client" to the full path of the executable.',
      executable,
    ),
  });
  ctx.log.info(`${commandLine} → ${result.timedOut ? 'timed out' : `exit code ${result.exitCode ?? result.signal}`}`);
  if (result.timedOut) {
    throw new AccessError(msg('"{0}" gave no result within {1} seconds and was stopped.', commandLine, CLIENT_TIMEOUT_MS / 1000), [
      'retry',
      'showLogs',
    ]);
  }
  if (result.exitCode !== 0) {
    const summary = clientFailureSummary(result.stderr) || clientFailureSummary(result.stdout);
    const code = String(result.exitCode ?? result.signal);
    throw new AccessError(
      summary
        ? msg('{0} {1} failed (exit code {2}): {3}', clientName(executable), run.args[0], code, summary)
        : msg('{0} {1} failed (exit code {2}).', clientName(executable), run.args[0], code),
      ['retry', 'showLogs'],
      result.stderr,
    );
  }
  return { executable, result };
}
