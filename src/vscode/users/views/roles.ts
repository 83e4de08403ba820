import * as vscode from 'vscode';
import type { Role } from '../../../core/coscene/model';
import { levelFilter } from '../../../core/format/filter';
import { sortRoles } from '../../../core/format/roles';
import { collectAll, PagingLoopError } from '../../../core/paging';
import { localize } from '../../shared/errors';
import { ErrorNode, MessageNode } from '../../shared/nodes';
import { errorWithIds, withId } from '../../shared/pagedListEnd';
import { ROLE_CONTEXT_VALUE, ROLES_VIEW, USERS_COMMAND } from '../keys';
import type { UsersTreeDeps } from './roleGroups';
import { roleTooltipMarkdown } from './tooltipMarkdown';

export type RoleLevelFilter = 'organization' | 'project' | 'all';

/** The level in the UI's language; a level this version does not know is shown as the server sent it. */
function levelName(level: string): string {
  if (level === 'organization') return vscode.l10n.t('Organization');
  if (level === 'project') return vscode.l10n.t('Project');
  return level;
}

export class RoleItem extends vscode.TreeItem {
  constructor(
    readonly role: Role,
    showLevel: boolean,
  ) {
    super(role.displayName || role.code, vscode.TreeItemCollapsibleState.None);
    this.id = `${ROLES_VIEW}/${role.name}`;
    const level = levelName(role.level);
    this.description = showLevel ? `${role.code} · ${level}` : role.code;
    this.iconPath = new vscode.ThemeIcon(role.level === 'organization' ? 'organization' : 'project');
    this.tooltip = new vscode.MarkdownString(
      roleTooltipMarkdown(
        { ...role, level },
        {
          code: vscode.l10n.t('Code'),
          level: vscode.l10n.t('Level'),
          resourceName: vscode.l10n.t('Resource name'),
        },
      ),
    );
    this.contextValue = ROLE_CONTEXT_VALUE;
  }
}

/** Every role (all pages), sorted like cocli, optionally limited to one level. */
export class RolesTreeProvider implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roles: Promise<vscode.TreeItem[]> | undefined;
  private abort = new AbortController();
  private levelValue: RoleLevelFilter = 'all';
  private view: vscode.TreeView<vscode.TreeItem> | undefined;

  constructor(private readonly deps: UsersTreeDeps) {}

  get level(): RoleLevelFilter {
    return this.levelValue;
  }

  attach(view: vscode.TreeView<vscode.TreeItem>): void {
    this.view = view;
    this.updateDescription();
  }

  setLevel(level: RoleLevelFilter): void {
    this.levelValue = level;
    this.refresh();
  }

  refresh(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.roles = undefined;
    this.updateDescription();
    this.changed.fire(undefined);
  }

  getTreeItem(element: vscode.TreeItem): vscode.TreeItem {
    return element;
  }

  getParent(): undefined {
    return undefined;
  }

  async getChildren(element?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    if (element instanceof ErrorNode) return element.children;
    if (element) return [];
    const configError = this.deps.profiles.configError();
    if (configError) return [errorWithIds(new ErrorNode(configError), `${ROLES_VIEW}/error`)];
    if (!this.deps.profiles.current()) return [];
    this.roles ??= this.load(this.abort.signal);
    return this.roles;
  }

  dispose(): void {
    this.abort.abort();
    this.changed.dispose();
  }

  private updateDescription(): void {
    if (!this.view) return;
    this.view.description = levelLabel(this.levelValue);
  }

  private async load(signal: AbortSignal): Promise<vscode.TreeItem[]> {
    try {
      const api = await this.deps.profiles.api();
      const filter = this.levelValue === 'all' ? undefined : levelFilter(this.levelValue);
      const { items, stopped } = await collectAll(
        (pageToken, s) => api.listRoles({ pageSize: 100, pageToken: pageToken || undefined, filter }, s),
        { signal, keepOnStop: true },
      );
      // A walk stopped by a loop guard or cap keeps the roles it loaded, under a warning that says why.
      const warning = stopped ? [withId(new MessageNode(localize(stopped.userMessage), 'warning'), `${ROLES_VIEW}/stopped`)] : [];
      if (stopped) this.deps.log.error('roles: loading stopped', stopped);
      if (items.length === 0) return warning.length ? warning : [withId(new MessageNode(vscode.l10n.t('No roles')), `${ROLES_VIEW}/empty`)];
      // One row per role (a row's id is its name): a role the server sends twice is shown once.
      const unique = [...new Map(items.map((r) => [r.name, r])).values()];
      return [...sortRoles(unique).map((r) => new RoleItem(r, this.levelValue === 'all')), ...warning];
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') return [];
      this.deps.log.error('roles: loading failed', err);
      if (err instanceof PagingLoopError) return [withId(new MessageNode(localize(err.userMessage), 'warning'), `${ROLES_VIEW}/stopped`)];
      const retry = { command: USERS_COMMAND.refreshRoles, title: vscode.l10n.t('Retry') };
      return [errorWithIds(new ErrorNode(err, retry), `${ROLES_VIEW}/error`)];
    }
  }
}

export function levelLabel(level: RoleLevelFilter): string {
  switch (level) {
    case 'organization':
      return vscode.l10n.t('Organization roles');
    case 'project':
      return vscode.l10n.t('Project roles');
    case 'all':
      return vscode.l10n.t('All levels');
  }
}
