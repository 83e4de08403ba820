import * as vscode from 'vscode';
import { CosceneApiError } from '../../core/coscene/apiErrors';
import { AccessError, ErrorAction, Msg, msg } from '../../core/errors';
import { HuaweiApiError } from '../../core/huawei/errors';
import { redact } from '../../core/redact';
import { escapeNotificationLinks } from '../../core/text/serverText';
import type { Log } from './log';
import type { Ui } from './ui';
// Error actions run other features' commands; their ids come from those features' keys (leaf modules).
import { OPEN_SETTINGS_COMMAND, SIGN_IN_COMMAND } from '../permissions/keys';
import { ADD_PROFILE, OPEN_CONFIG, SET_TOKEN, SHOW_LOGS } from '../profiles/keys';

/** Where an error is logged and shown. */
export interface Reporter {
  readonly log: Log;
  readonly ui: Ui;
}

export function localize(m: Msg): string {
  return vscode.l10n.t(m.template, ...m.args);
}

const ACTION_COMMANDS: Record<Exclude<ErrorAction, 'retry'>, string> = {
  setToken: SET_TOKEN,
  signIn: SIGN_IN_COMMAND,
  showLogs: SHOW_LOGS,
  openConfig: OPEN_CONFIG,
  openHuaweiSettings: OPEN_SETTINGS_COMMAND,
  addProfile: ADD_PROFILE,
};

export function actionLabel(action: ErrorAction): string {
  switch (action) {
    case 'retry':
      return vscode.l10n.t('Retry');
    case 'setToken':
      return vscode.l10n.t('Set Token…');
    case 'signIn':
      return vscode.l10n.t('Sign In…');
    case 'showLogs':
      return vscode.l10n.t('Show Logs');
    case 'openConfig':
      return vscode.l10n.t('Open Config');
    case 'openHuaweiSettings':
      return vscode.l10n.t('Open Settings');
    case 'addProfile':
      return vscode.l10n.t('Add Profile…');
  }
}

/** The command an action runs, or undefined for 'retry' (the caller knows how to retry). */
export function actionCommand(action: ErrorAction): string | undefined {
  return action === 'retry' ? undefined : ACTION_COMMANDS[action];
}

export interface Described {
  message: string;
  actions: readonly ErrorAction[];
}

/** Any thrown value → a localised, specific message and the actions that help. */
export function describeError(err: unknown): Described {
  if (err instanceof AccessError) return { message: localize(err.userMessage), actions: err.actions };
  const text = err instanceof Error ? err.message : String(err);
  return { message: localize(msg('Unexpected error: {0}', text)), actions: ['showLogs'] };
}

/**
 * What Copy Error puts on the clipboard: the message an error row shows, then what identifies the failed request
 * (Huawei's trace and request ids; coScene's procedure and status) for a support ticket. Redacted: never a token.
 */
export function errorReport(err: unknown): string {
  const lines = [describeError(err).message];
  if (err instanceof HuaweiApiError) {
    lines.push(`HTTP ${err.httpStatus} ${err.errorCode}`);
    if (err.traceId) lines.push(`trace_id: ${err.traceId}`);
    if (err.requestId) lines.push(`X-Request-Id: ${err.requestId}`);
  } else if (err instanceof CosceneApiError) {
    lines.push(`${err.procedure}: HTTP ${err.httpStatus} ${err.code}`);
  }
  return redact(lines.join('\n'));
}

/**
 * Logs the error and shows ONE notification with its action buttons, without waiting for it: the command that failed
 * resolves at once. `retry` is offered only when given. Cancellation (AbortError) is silent: the user asked for it.
 * Returns the message shown, link syntax escaped (undefined when cancelled).
 */
export function reportError(to: Reporter, context: string, err: unknown, retry?: () => unknown): string | undefined {
  if (err instanceof Error && err.name === 'AbortError') return undefined;
  const { log, ui } = to;
  log.error(context, err);
  const described = describeError(err);
  // Error messages carry server text (API messages, names): `[x](command:…)` must not become a link.
  const message = escapeNotificationLinks(described.message);
  const actions = described.actions;
  const usable = actions.filter((a) => a !== 'retry' || retry);
  if (!usable.includes('showLogs')) usable.push('showLogs');
  const labels = usable.map(actionLabel);
  void ui.showErrorMessage(message, ...labels).then((picked) => {
    const action = usable[labels.indexOf(picked ?? '')];
    if (!action) return;
    const run = action === 'retry' ? retry : () => vscode.commands.executeCommand(ACTION_COMMANDS[action]);
    Promise.resolve()
      .then(run)
      .catch((e: unknown) => log.error(`${context} (${action})`, e));
  });
  return message;
}
