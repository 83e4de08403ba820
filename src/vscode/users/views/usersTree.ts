import * as vscode from 'vscode';
import type { CosceneApi, Role, User } from '../../../core/coscene/model';
import { levelFilter, nicknameFilter, roleCodeFilter } from '../../../core/format/filter';
import { pagesOfOtherRoles } from '../../../core/format/grouping';
import { sortRoles } from '../../../core/format/roles';
import { collectAll, FetchPage, PageCursor, PagingLoopError } from '../../../core/paging';
import { localize } from '../../shared/errors';
import type { Services } from '../../shared/services';
import { LOAD_MORE_USERS } from '../keys';
import { ErrorNode, LoadMoreNode, MessageNode } from '../../shared/nodes';
import { GroupItem, syncItems, UserItem, UserList, userLabel } from './userItems';
import type { UsersFilter, UsersViewState } from './usersState';

/** What differs between the organization and the project users view. */
export interface UsersScope {
  readonly viewId: string;
  readonly level: 'organization' | 'project';
  readonly showCurrentUser: boolean;
  /** ListUsers parent: '' for the organization, projects/<uuid> for a project. */
  resolveParent(api: CosceneApi, signal: AbortSignal): Promise<string>;
  /** Shown in the view description before the filter (e.g. the project slug). */
  describe(): string;
}

interface RootModel {
  top: vscode.TreeItem[];
  /** The flat (or filtered) list below `top`, when not grouped. */
  list?: UserList;
}

const ignore = (): void => undefined;

export function configuredPageSize(): number {
  const raw = vscode.workspace.getConfiguration('coscene.users').get<number>('pageSize', 50);
  return Math.min(100, Math.max(10, Math.round(Number.isFinite(raw) ? raw : 50)));
}

/** Users grouped by role (or flat / filtered), one page at a time. */
export class UsersTreeProvider implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private root: Promise<RootModel> | undefined;
  private abort = new AbortController();
  private readonly parents = new WeakMap<vscode.TreeItem, GroupItem>();
  private view: vscode.TreeView<vscode.TreeItem> | undefined;

  constructor(
    private readonly services: Services,
    private readonly state: UsersViewState,
    readonly scope: UsersScope,
  ) {}

  attach(view: vscode.TreeView<vscode.TreeItem>): void {
    this.view = view;
    this.updateDescription();
  }

  /** Drops every cache and in-flight request, then reloads what is visible. */
  refresh(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.root = undefined;
    this.updateDescription();
    this.changed.fire(undefined);
  }

  updateDescription(): void {
    if (!this.view) return;
    const parts = [this.scope.describe(), this.state.describeFilter()].filter(Boolean);
    this.view.description = parts.join(' · ') || undefined;
  }

  getTreeItem(element: vscode.TreeItem): vscode.TreeItem {
    return element;
  }

  getParent(element: vscode.TreeItem): vscode.TreeItem | undefined {
    if (element instanceof UserItem) return element.parent;
    return this.parents.get(element);
  }

  async getChildren(element?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    if (!element) return this.rootChildren();
    if (element instanceof ErrorNode) return element.children;
    if (element instanceof GroupItem) return this.listChildren(element);
    return [];
  }

  /** Runs "Load more…" (or its Retry) for a list of this view. */
  async loadMore(list: UserList): Promise<void> {
    await list.cursor.loadNext(this.abort.signal).catch(ignore);
    list.element?.updateDescription();
    this.changed.fire(list.element);
  }

  /** The group of a role code, revealed and expanded (switches to the grouped, unfiltered view first). */
  async revealGroup(code: string): Promise<GroupItem | undefined> {
    if (this.state.flat || this.state.filter) {
      this.state.setFilter(undefined);
      this.state.setFlat(false);
    }
    const nodes = await this.getChildren();
    const group = nodes.find((n): n is GroupItem => n instanceof GroupItem && n.code === code);
    if (group && this.view) await this.view.reveal(group, { expand: true, select: true, focus: true });
    return group;
  }

  dispose(): void {
    this.abort.abort();
    this.changed.dispose();
  }

  private async rootChildren(): Promise<vscode.TreeItem[]> {
    const configError = this.services.profiles.configError();
    if (configError) return [new ErrorNode(configError)];
    if (!this.services.profiles.current()) return [];
    this.root ??= this.loadRoot(this.abort.signal);
    const model = await this.root;
    return model.list ? [...model.top, ...syncItems(model.list), ...this.tail(model.list)] : model.top;
  }

  private async listChildren(list: UserList): Promise<vscode.TreeItem[]> {
    if (list.cursor.state === 'initial') {
      await list.cursor.loadNext(this.abort.signal).catch(ignore);
      if (list.element?.updateDescription()) this.changed.fire(list.element);
    }
    const tail = this.tail(list);
    if (list.element) for (const node of tail) this.parents.set(node, list.element);
    return [...syncItems(list), ...tail];
  }

  /** What follows a list's users: Load more, an error with Retry, a paging-loop notice, or "No users". */
  private tail(list: UserList): vscode.TreeItem[] {
    const cursor = list.cursor;
    const command = (title: string): vscode.Command => ({ command: LOAD_MORE_USERS, title, arguments: [this.scope.viewId, list] });
    if (cursor.state === 'failed') {
      const err = cursor.error;
      if (err instanceof Error && err.name === 'AbortError') return [];
      if (err instanceof PagingLoopError) return [new MessageNode(localize(err.userMessage), 'warning')];
      return [new ErrorNode(err, command(vscode.l10n.t('Retry')))];
    }
    if (cursor.hasMore) {
      const loaded = cursor.items.length;
      const progress = cursor.totalSize === undefined ? String(loaded) : vscode.l10n.t('{0} of {1}', loaded, cursor.totalSize);
      return [new LoadMoreNode(command(vscode.l10n.t('Load more…')), progress)];
    }
    return cursor.items.length === 0 ? [new MessageNode(vscode.l10n.t('No users'))] : [];
  }

  private async loadRoot(signal: AbortSignal): Promise<RootModel> {
    try {
      const api = await this.services.profiles.api();
      const parent = await this.scope.resolveParent(api, signal);
      this.updateDescription();
      const pageSize = configuredPageSize();
      const pages = (filter?: string): FetchPage<User> => (pageToken, s) =>
        api.listUsers({ parent: parent || undefined, pageSize, pageToken: pageToken || undefined, filter }, s);
      const you = this.scope.showCurrentUser ? this.currentUserItem(api, signal) : Promise.resolve(undefined);
      const filter = this.state.filter;
      if (filter || this.state.flat) {
        const list: UserList = { cursor: new PageCursor(pages(filter && filterExpression(filter))), element: undefined, items: [] };
        await list.cursor.loadNext(signal).catch(ignore);
        return { top: compact([await you]), list };
      }
      const groups = await this.loadGroups(api, parent, pages, signal);
      return { top: compact([await you, ...groups]) };
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') return { top: [] };
      this.services.log.error(`${this.scope.viewId}: loading failed`, err);
      return { top: [new ErrorNode(err, { command: 'coscene.users.refresh', title: vscode.l10n.t('Retry') })] };
    }
  }

  /** Role groups in cocli's order, each with its first page (so counts show), plus "Other roles" when needed. */
  private async loadGroups(api: CosceneApi, parent: string, pages: (filter?: string) => FetchPage<User>, signal: AbortSignal): Promise<GroupItem[]> {
    const listRoles: FetchPage<Role> = (pageToken, s) =>
      api.listRoles({ pageSize: 100, pageToken: pageToken || undefined, filter: levelFilter(this.scope.level) }, s);
    const roles = sortRoles((await collectAll(listRoles, { signal })).items);
    const groups = roles.map((role) => new GroupItem(this.scope.viewId, role, new PageCursor(pages(roleCodeFilter(role.code)))));
    const probe = api.listUsers({ parent: parent || undefined, pageSize: 10 }, signal).then((p) => p.totalSize, () => undefined);
    await Promise.all(groups.map((g) => g.cursor.loadNext(signal).catch(ignore)));
    groups.forEach((g) => g.updateDescription());
    const total = await probe;
    const counts = groups.map((g) => g.count);
    const grouped = counts.every((c) => c !== undefined) ? counts.reduce<number>((a, c) => a + (c ?? 0), 0) : undefined;
    if (total === undefined || grouped === undefined || total > grouped) {
      groups.push(new GroupItem(this.scope.viewId, undefined, new PageCursor(pagesOfOtherRoles(pages(), roles))));
    }
    return groups;
  }

  private async currentUserItem(api: CosceneApi, signal: AbortSignal): Promise<UserItem | undefined> {
    try {
      const me = await api.getUser('users/current', signal);
      const item = new UserItem(me, undefined, vscode.l10n.t('You: {0}', userLabel(me)));
      item.iconPath = new vscode.ThemeIcon('person');
      return item;
    } catch (err) {
      this.services.log.warn(`GetUser users/current failed: ${String(err)}`);
      return undefined;
    }
  }
}

function filterExpression(filter: UsersFilter): string {
  return filter.kind === 'role' ? roleCodeFilter(filter.code) : nicknameFilter(filter.text);
}

function compact<T>(values: (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}
