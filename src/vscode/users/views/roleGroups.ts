import * as vscode from 'vscode';
import type { CosceneApi, Role, User } from '../../../core/coscene/model';
import { levelFilter, nicknameFilter, roleCodeFilter } from '../../../core/format/filter';
import { pagesOfOtherRoles } from '../../../core/format/grouping';
import { sortRoles } from '../../../core/format/roles';
import { collectAll, FetchPage, PageCursor } from '../../../core/paging';
import type { FeatureContext } from '../../shared/featureContext';
import { ErrorNode } from '../../shared/nodes';
import { errorWithIds, pagedListEnd } from '../../shared/pagedListEnd';
import { emptyFilterEnd } from '../emptyFilter';
import { LOAD_MORE_USERS, PAGE_SIZE_SETTING, USERS_COMMAND, USERS_SETTINGS } from '../keys';
import type { ProjectList, ScopeModel, UserList } from './usersModel';
import { KeptRoles, keptRolesScope } from './keptRoles';
import { GroupItem, UserItem } from './userItems';
import type { UsersFilter, UsersViewState } from './usersState';

/** What the users trees read: the log, the active profile, and the role lists kept between sessions. */
export type UsersTreeDeps = Pick<FeatureContext, 'log' | 'profiles'> & { readonly keptRoles?: KeptRoles };

/** What differs between the organization's and a project's groups. */
export interface RoleGroupsScope {
  readonly viewId: string;
  readonly level: 'organization' | 'project';
  /** A row above the groups (the organization view's "You"), or nothing. */
  top?(api: CosceneApi, signal: AbortSignal): Promise<vscode.TreeItem | undefined>;
}

const ignore = (): void => undefined;

/** cocli's page size (its --page-size default): one request per 100 users. */
const DEFAULT_PAGE_SIZE = 100;

export function configuredPageSize(): number {
  const raw = vscode.workspace.getConfiguration(USERS_SETTINGS).get<number>(PAGE_SIZE_SETTING, DEFAULT_PAGE_SIZE);
  return Math.min(100, Math.max(10, Math.round(Number.isFinite(raw) ? raw : DEFAULT_PAGE_SIZE)));
}

/**
 * Loads one scope's users (the organization, or a project): the role groups in cocli's order with their first page
 * (so counts show) and "Other roles" when needed, or one flat (or filtered) list; and the rows of each list, page
 * by page, with its ending (Load more…, an error with Retry, or "No users"). Shared by both users trees.
 */
export class RoleGroups {
  private roles: Promise<Role[]> | undefined;
  private abort = new AbortController();
  private readonly parents = new WeakMap<vscode.TreeItem, vscode.TreeItem>();
  /** The lists whose rows this tree shows (Load more accepts only these). */
  private readonly lists = new WeakSet<object>();

  constructor(
    private readonly deps: UsersTreeDeps,
    private readonly state: UsersViewState,
    private readonly scope: RoleGroupsScope,
    /** Fires the tree's change event for `element` (undefined: the whole tree). */
    private readonly changed: (element: vscode.TreeItem | undefined) => void,
  ) {}

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Drops the roles and cancels every request in flight. */
  reset(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.roles = undefined;
  }

  parentOf(element: vscode.TreeItem): vscode.TreeItem | undefined {
    if (element instanceof UserItem && element.parent) return element.parent;
    return this.parents.get(element);
  }

  setParent(nodes: readonly vscode.TreeItem[], parent: vscode.TreeItem | undefined): void {
    if (parent) for (const node of nodes) this.parents.set(node, parent);
  }

  /** Whether `list` is one of this tree's (a command argument is checked against them). */
  owns(list: unknown): list is UserList | ProjectList {
    return typeof list === 'object' && list !== null && this.lists.has(list);
  }

  /** Remembers a list this tree shows. */
  register<L extends UserList | ProjectList>(list: L): L {
    this.lists.add(list);
    return list;
  }

  /** "Load more…" (or its Retry): the next page of one of this tree's lists. */
  async loadMore(list: UserList | ProjectList): Promise<void> {
    const cursor: PageCursor<unknown> = list.cursor;
    await cursor.loadNext(this.abort.signal).catch(ignore);
    const element = 'element' in list ? list.element : undefined;
    element?.updateDescription();
    this.changed(element);
  }

  /** The rows that end a list: Load more…, an error with Retry, a paging-loop notice, or `empty`. */
  end(list: UserList | ProjectList, empty = vscode.l10n.t('No users'), filtered?: UsersFilter): vscode.TreeItem[] {
    const cursor: PageCursor<unknown> = list.cursor;
    return pagedListEnd(cursor, {
      id: list.id,
      empty,
      ...(filtered && emptyFilterEnd(filtered, this.scope.level)),
      loadMore: (title) => ({ command: LOAD_MORE_USERS, title, arguments: [list] }),
    });
  }

  /** A scope's rows: `top`, then the flat list's users and ending when not grouped; parented to `owner`. */
  nodes(model: ScopeModel, owner: vscode.TreeItem | undefined): vscode.TreeItem[] {
    const { list } = model;
    const nodes = list ? [...model.top, ...this.rows(list), ...this.end(list, undefined, this.state.filter)] : model.top;
    this.setParent(nodes, owner);
    return nodes;
  }

  /** A group's rows: its users (the first page loaded on first expand), then its ending. */
  async groupChildren(group: GroupItem): Promise<vscode.TreeItem[]> {
    if (group.cursor.state === 'initial') {
      await group.cursor.loadNext(this.abort.signal).catch(ignore);
      if (group.updateDescription()) this.changed(group);
    }
    const tail = this.end(group);
    this.setParent(tail, group);
    return [...this.rows(group), ...tail];
  }

  /** Brings the list's rows up to date with its cursor; a user the server sent twice keeps one row. */
  private rows(list: UserList): UserItem[] {
    const users = list.cursor.items;
    for (; list.synced < users.length; list.synced++) {
      const user = users[list.synced];
      if (list.shown.has(user.name)) continue;
      list.shown.add(user.name);
      list.items.push(new UserItem(user, list.element, `${list.id}/${user.name}`));
    }
    return list.items;
  }

  /** One scope: ListUsers with `parent` ('' for the organization); `id` is the scope's tree id. */
  async load(parent: string, id: string): Promise<ScopeModel> {
    const signal = this.abort.signal;
    try {
      const api = await this.deps.profiles.api();
      const pageSize = configuredPageSize();
      const pages =
        (filter?: string): FetchPage<User> =>
        (pageToken, s) =>
          api.listUsers({ parent: parent || undefined, pageSize, pageToken: pageToken || undefined, filter }, s);
      const top = this.scope.top ? this.scope.top(api, signal) : Promise.resolve(undefined);
      const filter = this.state.filter;
      if (filter || this.state.flat) {
        const list = this.register(flatList(`${id}/list`, new PageCursor(pages(filter && filterExpression(filter)))));
        await list.cursor.loadNext(signal).catch(ignore);
        return { top: compact([await top]), list };
      }
      const groups = await this.loadGroups(api, parent, id, pages, signal);
      return { top: compact([await top, ...groups]) };
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') return { top: [], failed: true };
      this.deps.log.error(`${this.scope.viewId}: loading ${parent || 'the view'} failed`, err);
      const retry = { command: USERS_COMMAND.refresh, title: vscode.l10n.t('Retry') };
      return { top: [errorWithIds(new ErrorNode(err, retry), `${id}/error`)], failed: true };
    }
  }

  private async loadGroups(
    api: CosceneApi,
    parent: string,
    id: string,
    pages: (filter?: string) => FetchPage<User>,
    signal: AbortSignal,
  ): Promise<GroupItem[]> {
    const fresh = this.freshRoles(api, signal);
    // Each group's first page goes out with ListRoles when the roles are known from before (this session, or kept
    // from the last one): one round trip. The fresh list decides which groups are shown; a new role costs a second.
    const cursors = new Map<string, PageCursor<User>>();
    const cursorOf = (code: string): PageCursor<User> => {
      let cursor = cursors.get(code);
      if (!cursor) {
        cursor = new PageCursor(pages(roleCodeFilter(code)));
        cursors.set(code, cursor);
        cursor.loadNext(signal).catch(ignore);
      }
      return cursor;
    };
    this.guessRoles()?.forEach((role) => cursorOf(role.code));
    const probe = api.listUsers({ parent: parent || undefined, pageSize: 10 }, signal).then(
      (p) => p.totalSize,
      () => undefined,
    );
    const roles = await fresh;
    const groups = roles.map((role) => this.register(new GroupItem(id, role, cursorOf(role.code))));
    await Promise.all(groups.map((g) => firstPage(g.cursor, signal)));
    groups.forEach((g) => g.updateDescription());
    const total = await probe;
    const counts = groups.map((g) => g.count);
    const grouped = counts.every((c) => c !== undefined) ? counts.reduce<number>((a, c) => a + (c ?? 0), 0) : undefined;
    if (total === undefined || grouped === undefined || total > grouped) {
      // The listing's total minus the known groups: the walk stops once they are all found.
      const expected = total !== undefined && grouped !== undefined ? total - grouped : undefined;
      const others = pagesOfOtherRoles(pages(), roles, { pageSize: configuredPageSize(), expected });
      groups.push(this.register(new GroupItem(id, undefined, new PageCursor(others))));
    }
    return groups;
  }

  /** ListRoles of this scope's level, once per refresh whatever the number of projects expanded; kept for the next session. */
  private freshRoles(api: CosceneApi, signal: AbortSignal): Promise<Role[]> {
    const listRoles: FetchPage<Role> = (pageToken, s) =>
      api.listRoles({ pageSize: 100, pageToken: pageToken || undefined, filter: levelFilter(this.scope.level) }, s);
    const scope = this.keptScope();
    // One group per role code (a group's id is its code): a role the server sends twice makes one group.
    this.roles ??= collectAll(listRoles, { signal }).then((r) => {
      const roles = sortRoles([...new Map(r.items.map((role) => [role.code, role])).values()]);
      if (scope) void this.deps.keptRoles?.keep(scope, roles).catch(ignore);
      return roles;
    });
    return this.roles.catch((err: unknown) => {
      this.roles = undefined;
      throw err;
    });
  }

  /** The active profile's roles last seen (this session or the last one: the kept list), or undefined. */
  private guessRoles(): readonly Role[] | undefined {
    const scope = this.keptScope();
    return scope ? this.deps.keptRoles?.get(scope) : undefined;
  }

  private keptScope(): string | undefined {
    const profile = this.deps.profiles.current();
    return profile ? keptRolesScope(profile, this.scope.level) : undefined;
  }
}

/** Waits for a cursor's first page (loading it if nobody has asked yet); a cursor past it is left alone. */
function firstPage(cursor: PageCursor<User>, signal: AbortSignal): Promise<void> {
  return cursor.state === 'initial' || cursor.state === 'loading' ? cursor.loadNext(signal).catch(ignore) : Promise.resolve();
}

function flatList(id: string, cursor: PageCursor<User>): UserList {
  return { cursor, element: undefined, id, items: [], shown: new Set(), synced: 0 };
}

function filterExpression(filter: UsersFilter): string {
  return filter.kind === 'role' ? roleCodeFilter(filter.code) : nicknameFilter(filter.text);
}

export function compact<T>(values: (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}
