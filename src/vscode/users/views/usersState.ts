import * as vscode from 'vscode';
import type { UsersViewContextKeys } from '../keys';

/** A role filter carries the role's display name (for the empty row's "No users with role …") when it is known. */
export type UsersFilter = { kind: 'role'; code: string; name?: string } | { kind: 'nickname'; text: string };

/**
 * What one users view shows: grouped by role or flat, and the active server filter. Each view has its own
 * state, published under its own context keys, so its title buttons reflect only that view.
 */
export class UsersViewState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private flatValue = false;
  private filterValue: UsersFilter | undefined;

  constructor(private readonly keys: UsersViewContextKeys) {
    void this.publish();
  }

  get flat(): boolean {
    return this.flatValue;
  }
  get filter(): UsersFilter | undefined {
    return this.filterValue;
  }

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
    await vscode.commands.executeCommand('setContext', this.keys.flat, this.flatValue);
    await vscode.commands.executeCommand('setContext', this.keys.filtered, this.filterValue !== undefined);
  }
}
