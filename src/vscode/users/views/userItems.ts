import * as vscode from 'vscode';
import type { Role, User } from '../../../core/coscene/model';
import type { PageCursor } from '../../../core/paging';
import { GROUP_CONTEXT_VALUE, OTHER_GROUP_CONTEXT_VALUE, USER_CONTEXT_VALUE } from '../keys';
import { userLabel, userTooltipMarkdown } from './tooltipMarkdown';

export { userLabel };

export function userTooltip(user: User): vscode.MarkdownString {
  return new vscode.MarkdownString(
    userTooltipMarkdown(user, {
      id: vscode.l10n.t('ID'),
      resourceName: vscode.l10n.t('Resource name'),
      nickname: vscode.l10n.t('Nickname'),
      email: vscode.l10n.t('Email'),
      role: vscode.l10n.t('Role'),
      active: vscode.l10n.t('Active'),
      yes: vscode.l10n.t('yes'),
      no: vscode.l10n.t('no'),
      phone: vscode.l10n.t('Phone'),
      createTime: vscode.l10n.t('Create time'),
    }),
  );
}

export class UserItem extends vscode.TreeItem {
  constructor(
    readonly user: User,
    readonly parent: GroupItem | undefined,
    /** Unique in the tree: the list's id and the user's name. */
    id: string,
    label = userLabel(user),
  ) {
    super(label, vscode.TreeItemCollapsibleState.None);
    this.id = id;
    this.description = user.email && user.email !== label ? user.email : undefined;
    this.iconPath = user.active
      ? new vscode.ThemeIcon('account')
      : new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    // No tooltip here: VS Code converts every Markdown tooltip it is given (a Markdown parse each) whenever the list
    // is sent, which made each "Load more…" re-parse every loaded user's. The provider resolves it on hover instead.
    this.contextValue = USER_CONTEXT_VALUE;
  }

  /** The tooltip, set on first hover (resolveTreeItem) and kept. */
  resolveTooltip(): void {
    this.tooltip ??= userTooltip(this.user);
  }
}

/** One role's users (role undefined: users whose role is not in the role list); a UserList (usersModel.ts). */
export class GroupItem extends vscode.TreeItem {
  readonly items: UserItem[] = [];
  readonly shown = new Set<string>();
  synced = 0;
  readonly element = this;
  declare id: string;

  constructor(
    /** The scope's id: the view's, or the project's below it. */
    scopeId: string,
    readonly role: Role | undefined,
    readonly cursor: PageCursor<User>,
  ) {
    super(role ? role.displayName || role.code : vscode.l10n.t('Other roles'), vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `${scopeId}/group/${role?.code ?? ''}`;
    this.iconPath = new vscode.ThemeIcon(role ? 'organization' : 'question');
    this.contextValue = role ? GROUP_CONTEXT_VALUE : OTHER_GROUP_CONTEXT_VALUE;
    this.tooltip = role ? `${role.displayName} (${role.code})\n${role.name}` : vscode.l10n.t('Users whose role is not in the role list');
    this.updateDescription();
  }

  get code(): string | undefined {
    return this.role?.code;
  }

  /** The user count, once the server sent totalSize or every page is loaded. */
  get count(): number | undefined {
    if (this.cursor.totalSize !== undefined) return this.cursor.totalSize;
    return this.cursor.state === 'done' ? this.cursor.items.length : undefined;
  }

  /** Returns whether the description changed: the count alone (the role's code is in the tooltip), so a narrow side bar keeps it. */
  updateDescription(): boolean {
    const count = this.count;
    const text = count === undefined ? undefined : String(count);
    if (text === this.description) return false;
    this.description = text;
    return true;
  }
}
