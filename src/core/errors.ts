/**
 * Errors and messages shared by the whole core. The core stays free of `vscode`, so user-facing text is
 * carried as a template plus arguments; the adapters localise it with `vscode.l10n.t(template, ...args)`.
 */
export interface Msg {
  readonly template: string;
  readonly args: readonly (string | number)[];
}

export function msg(template: string, ...args: (string | number)[]): Msg {
  return { template, args };
}

/** English rendering of a message (logs, unit tests, and the fallback when no translation exists). */
export function formatMsg(m: Msg): string {
  return m.template.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const v = m.args[Number(i)];
    return v === undefined ? whole : String(v);
  });
}

/** What the user can do about an error; adapters turn these into buttons or tree-item actions. */
export type ErrorAction = 'retry' | 'setToken' | 'signIn' | 'showLogs' | 'openConfig' | 'openHuaweiSettings' | 'addProfile';

/** Base of every error the core raises on purpose: it knows what to tell the user. */
export class AccessError extends Error {
  constructor(
    readonly userMessage: Msg,
    readonly actions: readonly ErrorAction[] = ['showLogs'],
    /** Extra diagnostic text for the log (already redacted by whoever builds it). */
    readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(formatMsg(userMessage), options);
    this.name = new.target.name;
  }
}
