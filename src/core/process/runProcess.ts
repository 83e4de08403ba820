import { childProcess } from '../lazyNode';
import type { Msg } from '../errors';
import { childEnvironment, childWorkingDirectory, resolveExecutable } from './childEnvironment';
import { abortError, ExecutableNotFoundError, ProcessStartError } from './errors';
import { LineRedactor } from './lineRedactor';

export interface RunOptions {
  executable: string;
  args: readonly string[];
  /** Written to stdin, which is then closed (e.g. a password + '\n'). Without it stdin is closed at once. */
  stdin?: string;
  /** Default: the minimal environment of childEnvironment() (process.env filtered). */
  env?: NodeJS.ProcessEnv;
  /** Default: the home folder. */
  cwd?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Masked in everything streamed and returned, in addition to the globally registered secrets. */
  secrets?: readonly string[];
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
  /** Called with the exact argv (executable first) right before the process starts. */
  onSpawn?: (argv: readonly string[]) => void;
  /** Message for a missing executable: what to install or which setting to change. */
  missingExecutable?: Msg;
}

export interface RunResult {
  /** null when the process was killed (timeout) or ended by a signal. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Redacted. */
  stdout: string;
  stderr: string;
}

const KILL_GRACE_MS = 2000;

/**
 * Runs an executable without a shell, resolved to an absolute path from PATH only, with a minimal environment,
 * in the home folder. Rejects with ExecutableNotFoundError / ProcessStartError when it
 * cannot start and with an AbortError when cancelled; a non-zero exit or a timeout is a normal result.
 */
export function runProcess(opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(abortError());
    const env = opts.env ?? childEnvironment(process.env);
    const executable = resolveExecutable(opts.executable, env);
    if (!executable) {
      const detail = `${opts.executable}: not found in the absolute entries of PATH`;
      return reject(new ExecutableNotFoundError(opts.executable, opts.missingExecutable, detail, undefined));
    }
    opts.onSpawn?.([opts.executable, ...opts.args]);
    const child = childProcess().spawn(executable, [...opts.args], {
      shell: false,
      env,
      cwd: opts.cwd ?? childWorkingDirectory(),
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const secrets = opts.secrets ?? [];
    let stdout = '';
    let stderr = '';
    const out = new LineRedactor(secrets, (t) => {
      stdout += t;
      opts.onStdout?.(t);
    });
    const err = new LineRedactor(secrets, (t) => {
      stderr += t;
      opts.onStderr?.(t);
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => out.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => err.push(chunk));
    child.stdin.on('error', () => undefined); // EPIPE when the client exits without reading stdin
    child.stdin.end(opts.stdin ?? '');

    let timedOut = false;
    let aborted = false;
    let killTimer: NodeJS.Timeout | undefined;
    const kill = () => {
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, opts.timeoutMs);
    const onAbort = () => {
      aborted = true;
      kill();
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      opts.signal?.removeEventListener('abort', onAbort);
    };

    child.on('error', (e: NodeJS.ErrnoException) => {
      cleanup();
      const detail = out.mask(`${opts.executable}: ${e.code ?? ''} ${e.message}`.trim());
      if (e.code === 'ENOENT' || e.code === 'EACCES')
        reject(new ExecutableNotFoundError(opts.executable, opts.missingExecutable, detail, e));
      else reject(new ProcessStartError(opts.executable, detail, e));
    });
    child.on('close', (code, signal) => {
      cleanup();
      out.flush();
      err.flush();
      if (aborted) return reject(abortError());
      resolve({ exitCode: timedOut ? null : code, signal, timedOut, stdout, stderr });
    });
  });
}
