import * as vscode from 'vscode';
import { AccessError, msg } from '../../core/errors';
import { runProcess, RunOptions, RunResult } from '../../core/process/runProcess';
import { displayCommandLine } from '../../core/registry/argv';
import { stripControls } from '../../core/text/serverText';
import { localize } from '../shared/errors';

const BOLD = '\x1b[1m';
const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const RESET = '\x1b[0m';

/**
 * An extension-controlled terminal that shows the command line it runs (never stdin), streams the
 * process output and its exit code. One instance is reused; it is recreated after the user closes it.
 * Ctrl+C in the terminal cancels the running command.
 */
export class CommandTerminal implements vscode.Disposable {
  private terminal?: vscode.Terminal;
  private output?: vscode.EventEmitter<string>;
  private opened = false;
  private pending: string[] = [];
  private transcript = '';
  private running?: AbortController;
  private readonly closeListener: vscode.Disposable;

  constructor(private readonly name: string) {
    this.closeListener = vscode.window.onDidCloseTerminal((t) => {
      if (t === this.terminal) this.forgetTerminal();
    });
  }

  /** Everything shown so far, without colour codes and with plain \n line ends (for tests). */
  text(): string {
    return this.transcript;
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Runs the process in this terminal. Rejects like runProcess (after printing why). */
  async run(opts: RunOptions): Promise<RunResult> {
    if (this.running) throw new AccessError(msg('Another container registry command is still running in the terminal.'), []);
    const controller = new AbortController();
    const forwardAbort = () => controller.abort();
    opts.signal?.addEventListener('abort', forwardAbort, { once: true });
    if (opts.signal?.aborted) controller.abort();
    this.running = controller;
    this.ensureTerminal().show(true);
    this.print(`$ ${stripControls(displayCommandLine(opts.executable, opts.args))}\n`, BOLD);
    try {
      const result = await runProcess({
        ...opts,
        signal: controller.signal,
        // Client output may carry a server's text: no escape sequence reaches the terminal.
        onStdout: (t) => {
          this.print(stripControls(t));
          opts.onStdout?.(t);
        },
        onStderr: (t) => {
          this.print(stripControls(t));
          opts.onStderr?.(t);
        },
      });
      if (!this.transcript.endsWith('\n')) this.print('\n');
      if (result.timedOut) {
        this.print(`${vscode.l10n.t('[stopped: no result after {0} seconds]', Math.round(opts.timeoutMs / 1000))}\n\n`, RED);
      } else {
        const code = result.exitCode ?? result.signal ?? '?';
        this.print(`${vscode.l10n.t('[exit code {0}]', String(code))}\n\n`, result.exitCode === 0 ? GREEN : RED);
      }
      return result;
    } catch (err) {
      const text =
        err instanceof Error && err.name === 'AbortError'
          ? vscode.l10n.t('[cancelled]')
          : err instanceof AccessError
            ? localize(err.userMessage)
            : String(err);
      this.print(`${text}\n\n`, RED);
      throw err;
    } finally {
      opts.signal?.removeEventListener('abort', forwardAbort);
      this.running = undefined;
    }
  }

  /** Shows the terminal; one the user closed comes back with what it showed before. */
  show(): void {
    if (!this.terminal) this.pending.push(this.transcript.replace(/\r?\n/g, '\r\n'));
    this.ensureTerminal().show(false);
  }

  dispose(): void {
    this.closeListener.dispose();
    this.running?.abort();
    this.terminal?.dispose();
    this.forgetTerminal();
  }

  private print(text: string, style?: string): void {
    this.transcript += text;
    const terminalText = text.replace(/\r?\n/g, '\r\n');
    const styled = style
      ? `${style}${terminalText.replace(/\r\n$/, '')}${RESET}${terminalText.endsWith('\r\n') ? '\r\n' : ''}`
      : terminalText;
    if (this.opened) this.output?.fire(styled);
    else this.pending.push(styled);
  }

  private ensureTerminal(): vscode.Terminal {
    if (this.terminal) return this.terminal;
    const output = new vscode.EventEmitter<string>();
    const pty: vscode.Pseudoterminal = {
      onDidWrite: output.event,
      open: () => {
        this.opened = true;
        for (const text of this.pending.splice(0)) output.fire(text);
      },
      close: () => this.forgetTerminal(),
      handleInput: (data) => {
        if (data === '\x03') this.running?.abort();
      },
    };
    this.output = output;
    this.terminal = vscode.window.createTerminal({ name: this.name, pty, iconPath: new vscode.ThemeIcon('package') });
    return this.terminal;
  }

  private forgetTerminal(): void {
    this.output?.dispose();
    this.output = undefined;
    this.terminal = undefined;
    this.opened = false;
    this.pending = [];
  }
}
