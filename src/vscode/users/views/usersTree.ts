import * as vscode from 'vscode';
import type { CosceneApi, Project, Role, User } from '../../../core/coscene/model';
import { defaultProjectFirst, projectPages } from '../../../core/coscene/projects';
import { levelFilter, nicknameFilter, roleCodeFilter } from '../../../core/format/filter';
import { pagesOfOtherRoles } from '../../../core/format/grouping';
import { sortRoles } from '../../../core/format/roles';
import { collectAll, FetchPage, PageCursor, PagingLoopError } from '../../../core/paging';
import { localize } from '../../shared/errors';
import type { Services } from '../../shared/services';
import { LOAD_MORE_USERS } from '../keys';
import { ErrorNode, LoadMoreNode, MessageNode } from '../../shared/nodes';
import { ProjectItem, ProjectList } from './projectItems';
import { GroupItem, syncItems, UserItem, UserList, userLabel } from './userItems';
import type { UsersFilter, UsersViewState } from './usersState';

/** What differs between the organization and the project users view. */
export interface UsersScope {
  readonly viewId: string;
  readonly level: 'organization' | 'project';
  /** The view's name in messages and quick-pick titles. */
  title(): string;
  readonly showCurrentUser: boolean;
  /** Organization view: '' (ListUsers without parent). */
  resolveParent(api: CosceneApi, signal: AbortSignal): Promise<string>;
  /** Shown in the view description before the filter (e.g. the organization slug). */
  describe(): string;
  /** Project view: the root lists projects, each expanding into its role groups. */
  readonly projects?: ProjectsScope;
}

export interface ProjectsScope {
  /** The profile's project: listed first and expanded. */
  defaultSlug(): string | undefined;
  /** A project picked with Select Project…: pinned at the top when not among the loaded pages. */
  selectedSlug(): string | undefined;
  includeArchived(): boolean;
}

/** A loaded scope: the organization, or one project. */
export interface RootModel {
  top: vscode.TreeItem[];
  /** The flat (or filtered) list below `top`, when not grouped. */
  list?: UserList;
}

const ignore = (): void => undefined;

/** cocli's page size (its --page-size default): one request per 100 users. */
const DEFAULT_PAGE_SIZE = 100;

export function configuredPageSize(): number {
  const raw = vscode.workspace.getConfiguration('coscene.users').get<number>('pageSize', DEFAULT_PAGE_SIZE);
  return Math.min(100, Math.max(10, Math.round(Number.isFinite(raw) ? raw : DEFAULT_PAGE_SIZE)));
}

/** Users grouped by role (or flat / filtered), one page at a time; in the project view, below each project. */
export class UsersTreeProvider implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private root: Promise<RootModel> | undefined;
  private projects: Promise<ProjectList | ErrorNode> | undefined;
  private roles: Promise<Role[]> | undefined;
  private abort = new AbortController();
  private readonly parents = new WeakMap<vscode.TreeItem, vscode.TreeItem>();
  private view: vscode.TreeView<vscode.TreeItem> | undefined;

  constructor(
    private readonly services: Services,
    /** This view's own filter and flat/grouped choice (owned: disposed with the provider). */
    readonly state: UsersViewState,
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
    this.projects = undefined;
    this.roles = undefined;
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

  /** VS Code asks on hover (and on click of an item without a command): the users' tooltips are built here. */
  resolveTreeItem(item: vscode.TreeItem, element: vscode.TreeItem): vscode.TreeItem {
    if (element instanceof UserItem) element.resolveTooltip();
    return item;
  }

  getParent(element: vscode.TreeItem): vscode.TreeItem | undefined {
    if (element instanceof UserItem) return element.parent ?? this.parents.get(element);
    return this.parents.get(element);
  }

  async getChildren(element?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    if (!element) return this.scope.projects ? this.projectChildren() : this.rootChildren();
    if (element instanceof ErrorNode) return element.children;
    if (element instanceof ProjectItem) return this.projectScopeChildren(element);
    if (element instanceof GroupItem) return this.listChildren(element);
    return [];
  }

  /** Runs "Load more…" (or its Retry) for a list of this view: users, or the projects. */
  async loadMore(list: UserList | ProjectList): Promise<void> {
    await list.cursor.loadNext(this.abort.signal).catch(ignore);
    list.element?.updateDescription();
    this.changed.fire(list.element);
  }

  /** The group of a role code, revealed and expanded (switches to the grouped, unfiltered view first). */
  async revealGroup(code: string, under?: ProjectItem): Promise<GroupItem | undefined> {
    if (this.state.flat || this.state.filter) {
      this.state.setFilter(undefined);
      this.state.setFlat(false);
    }
    const nodes = await this.getChildren(under);
    const group = nodes.find((n): n is GroupItem => n instanceof GroupItem && n.code === code);
    if (group && this.view) await this.view.reveal(group, { expand: true, select: true, focus: true });
    return group;
  }

  /** The loaded projects (Select Project… offers them), in the order shown. */
  async loadedProjects(): Promise<Project[]> {
    const list = await this.projectList();
    return list instanceof ErrorNode ? [] : this.orderedProjects(list);
  }

  /** The item of a project, loading it with GetProject (and pinning it) when it is not among the loaded pages. */
  async projectItem(slugOrName: string): Promise<ProjectItem | undefined> {
    const list = await this.projectList();
    if (list instanceof ErrorNode) return undefined;
    const match = (p: Project) => p.slug === slugOrName || p.name === slugOrName;
    let project = this.orderedProjects(list).find(match);
    if (!project) {
      const api = await this.services.profiles.api();
      project = await api.getProject(slugOrName, this.abort.signal);
      list.pinned.unshift(project);
      this.changed.fire(undefined);
    }
    return this.itemFor(list, project);
  }

  /** Select Project…: the project revealed, selected and expanded. */
  async revealProject(slugOrName: string): Promise<ProjectItem | undefined> {
    const item = await this.projectItem(slugOrName);
    if (item && this.view) await this.view.reveal(item, { expand: true, select: true, focus: true });
    return item;
  }

  dispose(): void {
    this.abort.abort();
    this.changed.dispose();
    this.state.dispose();
  }

  // ---- the organization view's root, and one project's scope ----

  private async rootChildren(): Promise<vscode.TreeItem[]> {
    const blocked = this.blocked();
    if (blocked) return blocked;
    this.root ??= this.loadScope(this.abort.signal);
    return this.scopeNodes(await this.root, undefined);
  }

  private async projectScopeChildren(item: ProjectItem): Promise<vscode.TreeItem[]> {
    item.model ??= this.loadScope(this.abort.signal, item.project.name, item);
    return this.scopeNodes(await item.model, item);
  }

  private scopeNodes(model: RootModel, owner: ProjectItem | undefined): vscode.TreeItem[] {
    const nodes = model.list ? [...model.top, ...syncItems(model.list), ...this.tail(model.list)] : model.top;
    if (owner) for (const node of nodes) this.parents.set(node, owner);
    return nodes;
  }

  private blocked(): vscode.TreeItem[] | undefined {
    const configError = this.services.profiles.configError();
    if (configError) return [new ErrorNode(configError)];
    if (!this.services.profiles.current()) return [];
    return undefined;
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
  private tail(list: UserList | ProjectList, empty = vscode.l10n.t('No users')): vscode.TreeItem[] {
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
    return cursor.items.length === 0 ? [new MessageNode(empty)] : [];
  }

  /** One scope's groups (or flat / filtered list): the organization (no parent) or a project. */
  private async loadScope(signal: AbortSignal, projectName?: string, owner?: ProjectItem): Promise<RootModel> {
    try {
      const api = await this.services.profiles.api();
      const parent = projectName ?? (await this.scope.resolveParent(api, signal));
      this.updateDescription();
      const pageSize = configuredPageSize();
      const pages =
        (filter?: string): FetchPage<User> =>
        (pageToken, s) =>
          api.listUsers({ parent: parent || undefined, pageSize, pageToken: pageToken || undefined, filter }, s);
      const you = this.scope.showCurrentUser ? this.currentUserItem(api, signal) : Promise.resolve(undefined);
      const filter = this.state.filter;
      if (filter || this.state.flat) {
        const list: UserList = { cursor: new PageCursor(pages(filter && filterExpression(filter))), element: undefined, items: [] };
        await list.cursor.loadNext(signal).catch(ignore);
        return { top: compact([await you]), list };
      }
      const groups = await this.loadGroups(api, parent, pages, signal, owner);
      return { top: compact([await you, ...groups]) };
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') return { top: [] };
      this.services.log.error(`${this.scope.viewId}: loading ${projectName ?? 'the view'} failed`, err);
      if (owner) owner.model = undefined; // Retry (Refresh) reads it again
      return { top: [new ErrorNode(err, { command: 'coscene.users.refresh', title: vscode.l10n.t('Retry') })] };
    }
  }

  /** Role groups in cocli's order, each with its first page (so counts show), plus "Other roles" when needed. */
  private async loadGroups(
    api: CosceneApi,
    parent: string,
    pages: (filter?: string) => FetchPage<User>,
    signal: AbortSignal,
    owner?: ProjectItem,
  ): Promise<GroupItem[]> {
    const listRoles: FetchPage<Role> = (pageToken, s) =>
      api.listRoles({ pageSize: 100, pageToken: pageToken || undefined, filter: levelFilter(this.scope.level) }, s);
    // One role list per refresh, whatever the number of projects expanded.
    this.roles ??= collectAll(listRoles, { signal }).then((r) => sortRoles(r.items));
    const roles = await this.roles.catch((err: unknown) => {
      this.roles = undefined;
      throw err;
    });
    const idPrefix = owner ? `${this.scope.viewId}/${owner.project.name}` : this.scope.viewId;
    const groups = roles.map((role) => new GroupItem(idPrefix, role, new PageCursor(pages(roleCodeFilter(role.code)))));
    const probe = api.listUsers({ parent: parent || undefined, pageSize: 10 }, signal).then(
      (p) => p.totalSize,
      () => undefined,
    );
    await Promise.all(groups.map((g) => g.cursor.loadNext(signal).catch(ignore)));
    groups.forEach((g) => g.updateDescription());
    const total = await probe;
    const counts = groups.map((g) => g.count);
    const grouped = counts.every((c) => c !== undefined) ? counts.reduce<number>((a, c) => a + (c ?? 0), 0) : undefined;
    if (total === undefined || grouped === undefined || total > grouped) {
      // The listing's total minus the known groups: the walk stops once they are all found.
      const expected = total !== undefined && grouped !== undefined ? total - grouped : undefined;
      groups.push(
        new GroupItem(idPrefix, undefined, new PageCursor(pagesOfOtherRoles(pages(), roles, { pageSize: configuredPageSize(), expected }))),
      );
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

  // ---- the project view's root: projects, paged ----

  private async projectChildren(): Promise<vscode.TreeItem[]> {
    const blocked = this.blocked();
    if (blocked) return blocked;
    const list = await this.projectList();
    if (list instanceof ErrorNode) return [list];
    const items = this.orderedProjects(list).map((p) => this.itemFor(list, p));
    return [...items, ...this.tail(list, vscode.l10n.t('No projects'))];
  }

  private projectList(): Promise<ProjectList | ErrorNode> {
    this.projects ??= this.loadProjects(this.abort.signal);
    return this.projects;
  }

  private async loadProjects(signal: AbortSignal): Promise<ProjectList | ErrorNode> {
    const projects = this.scope.projects!;
    try {
      const api = await this.services.profiles.api();
      const list: ProjectList = {
        cursor: new PageCursor(projectPages(api, { includeArchived: projects.includeArchived() })),
        pinned: [],
        byName: new Map(),
        element: undefined,
      };
      await list.cursor.loadNext(signal).catch(ignore);
      // The default (and a selected) project is shown first even when it is not on the first page.
      for (const slug of new Set(compact([projects.selectedSlug(), projects.defaultSlug()]))) {
        if (list.cursor.items.some((p) => p.slug === slug || p.name === slug)) continue;
        const project = await api.getProject(slug, signal).catch(() => undefined);
        if (project) list.pinned.push(project);
      }
      return list;
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') return new ErrorNode(err);
      this.services.log.error(`${this.scope.viewId}: listing projects failed`, err);
      return new ErrorNode(err, { command: 'coscene.users.refresh', title: vscode.l10n.t('Retry') });
    }
  }

  private orderedProjects(list: ProjectList): Project[] {
    const seen = new Set<string>();
    const all = [...list.pinned, ...list.cursor.items].filter((p) => !seen.has(p.name) && seen.add(p.name));
    return defaultProjectFirst(all, this.scope.projects?.defaultSlug());
  }

  private itemFor(list: ProjectList, project: Project): ProjectItem {
    let item = list.byName.get(project.name);
    if (!item) {
      const wanted = this.scope.projects?.selectedSlug() ?? this.scope.projects?.defaultSlug();
      item = new ProjectItem(this.scope.viewId, project, project.slug === wanted || project.name === wanted);
      list.byName.set(project.name, item);
    }
    return item;
  }
}

function filterExpression(filter: UsersFilter): string {
  return filter.kind === 'role' ? roleCodeFilter(filter.code) : nicknameFilter(filter.text);
}

function compact<T>(values: (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}
