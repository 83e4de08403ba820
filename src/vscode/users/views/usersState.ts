import * as vscode from 'vscode';
import { USERS_FILTERED_CONTEXT_KEY, USERS_FLAT_CONTEXT_KEY } from '../keys';

export type UsersFilter = { kind: 'role'; code: string } | { kind: 'nickname'; text: string };

/**
 * What both users views show: grouped by role or flat, and the active server filter. The view-title
 * commands do not say which view they came from, so the two views share this state (and its context keys).
 */
export class UsersViewState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private flatValue = false;
  private filterValue: UsersFilter | undefined;

  constructor() {
    void this.publish();
  }

  get flat(): boolean { return this.flatValue; }
  get filter(): UsersFilter | undefined { return this.filterValue; }

  setFlat(flat: boolean): void {
    if (flat === this.flatValue) return;
    this.flatValue = flat;
    void this.publish();
  }

  setFilter(filter: UsersFilter | undefined): void {
    this.filterValue = filter;
    void this.publish();
  }

  /** The filter as the view description shows it, or '' when none. */
  describeFilter(): string {
    const f = this.filterValue;
    if (!f) return '';
    return f.kind === 'role' ? vscode.l10n.t('role: {0}', f.code) : vscode.l10n.t('nickname: {0}', f.text);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async publish(): Promise<void> {
    this.changed.fire();
    await vscode.commands.executeCommand('setContext', USERS_FLAT_CONTEXT_KEY, this.flatValue);
    await vscode.commands.executeCommand('setContext', USERS_FILTERED_CONTEXT_KEY, this.filterValue !== undefined);
  }
}
