/** The part of `vscode.env.clipboard` this needs. */
export interface Clipboard {
  readText(): PromiseLike<string>;
  writeText(value: string): PromiseLike<void>;
}

/** Starts a timer; the returned function cancels it. */
export type StartTimer = (run: () => void, ms: number) => () => void;

export const CLIPBOARD_SECRET_MS = 60_000;

const realTimer: StartTimer = (run, ms) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};

/**
 * Copies a secret and clears the clipboard `ms` later — or on dispose — if it still holds that secret (text the user
 * copied since is left alone). Only the latest secret is remembered: an earlier one is no longer on the clipboard.
 */
export class ClipboardExpiry {
  private pending: { secret: string; cancel: () => void } | undefined;

  constructor(
    private readonly clipboard: Clipboard,
    private readonly ms = CLIPBOARD_SECRET_MS,
    private readonly startTimer: StartTimer = realTimer,
  ) {}

  async copy(secret: string): Promise<void> {
    this.pending?.cancel();
    this.pending = undefined;
    await this.clipboard.writeText(secret);
    this.pending = { secret, cancel: this.startTimer(() => void this.clear(), this.ms) };
  }

  /** Clears the clipboard now if it still holds the pending secret. */
  async clear(): Promise<void> {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    pending.cancel();
    if ((await this.clipboard.readText()) === pending.secret) await this.clipboard.writeText('');
  }

  dispose(): void {
    void this.clear().catch(() => undefined);
  }
}
