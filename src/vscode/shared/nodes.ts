import * as vscode from 'vscode';
import { actionCommand, actionLabel, describeError, errorReport } from './errors';
import { ACTION_CONTEXT, ERROR_CONTEXT, LOAD_MORE_CONTEXT, MESSAGE_CONTEXT } from './keys';

/** Nodes every tree shares: a message, an error with its actions, and "Load more…". */
export class MessageNode extends vscode.TreeItem {
  constructor(label: string, icon = 'info', tooltip?: string) {
    super(label, vscode.TreeItemCollapsibleState.None);
    this.iconPath = new vscode.ThemeIcon(icon);
    this.tooltip = tooltip;
    this.contextValue = MESSAGE_CONTEXT;
  }
}

/** A child of ErrorNode: one action (Retry / Set Token / Sign In / Show Logs…). */
export class ActionNode extends vscode.TreeItem {
  constructor(label: string, command: vscode.Command, icon: string) {
    super(label, vscode.TreeItemCollapsibleState.None);
    this.command = command;
    this.iconPath = new vscode.ThemeIcon(icon);
    this.contextValue = ACTION_CONTEXT;
  }
}

const ACTION_ICONS: Record<string, string> = {
  retry: 'refresh',
  setToken: 'key',
  signIn: 'sign-in',
  showLogs: 'output',
  openConfig: 'go-to-file',
  openHuaweiSettings: 'settings-gear',
  addProfile: 'add',
};

/**
 * An error shown in place of a tree's content, expanded to show its actions.
 * `retryCommand` is a registered command (with args) that re-runs what failed.
 */
export class ErrorNode extends vscode.TreeItem {
  readonly children: ActionNode[];
  /** What Copy Error copies: the message shown, and the failed request's trace/request id when there is one. */
  readonly report: string;
  constructor(err: unknown, retryCommand?: vscode.Command) {
    const { message, actions } = describeError(err);
    super(message, vscode.TreeItemCollapsibleState.Expanded);
    this.report = errorReport(err);
    this.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    this.tooltip = message;
    this.contextValue = ERROR_CONTEXT;
    const all = [...actions];
    if (retryCommand && !all.includes('retry')) all.unshift('retry');
    if (!all.includes('showLogs')) all.push('showLogs');
    this.children = all.flatMap((a) => {
      const id = a === 'retry' ? retryCommand : { command: actionCommand(a)!, title: actionLabel(a) };
      return id ? [new ActionNode(actionLabel(a), { ...id, title: actionLabel(a) }, ACTION_ICONS[a] ?? 'circle')] : [];
    });
  }
}

/** "Load more…": runs `command` (which fetches the next page for its parent). */
export class LoadMoreNode extends vscode.TreeItem {
  constructor(command: vscode.Command, description?: string) {
    super(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    this.command = command;
    this.description = description;
    this.iconPath = new vscode.ThemeIcon('ellipsis');
    this.contextValue = LOAD_MORE_CONTEXT;
  }
}
