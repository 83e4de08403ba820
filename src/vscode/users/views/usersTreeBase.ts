import * as vscode from 'vscode';
import { ErrorNode } from '../../shared/nodes';
import { errorWithIds } from '../../shared/pagedListEnd';
import { RoleGroups, RoleGroupsScope, UsersTreeDeps } from './roleGroups';
import type { ProjectList, UserList } from './usersModel';
import { GroupItem, UserItem } from './userItems';
import type { UsersViewState } from './usersState';

/**
 * What both users trees share on top of their RoleGroups: the change event, the view and its description, the
 * filter and flat/grouped state, groups' and users' rows, Load more and revealing a group. Each tree says what its
 * root shows (the organization's groups, or the projects) and what else expands.
 */
export abstract class UsersTree implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  protected readonly changed = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  protected readonly groups: RoleGroups;
  private view: vscode.TreeView<vscode.TreeItem> | undefined;

  constructor(
    protected readonly deps: UsersTreeDeps,
    /** This view's own filter and flat/grouped choice (owned: disposed with the tree). */
    readonly state: UsersViewState,
    readonly scope: RoleGroupsScope,
  ) {
    this.groups = new RoleGroups(deps, state, scope, (element) => this.changed.fire(element));
  }

  /** The view's name in messages and quick-pick titles. */
  abstract title(): string;
  /** Shown in the view description before the filter (e.g. the organization slug). */
  protected abstract describe(): string;
  protected abstract rootChildren(): Promise<vscode.TreeItem[]>;
  /** Drops what the tree loaded (Refresh). */
  protected abstract clear(): void;

  /** Rows of an element other than a group or an error (the project view's projects). */
  protected childrenOf(_element: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    return Promise.resolve([]);
  }

  attach(view: vscode.TreeView<vscode.TreeItem>): void {
    this.view = view;
    this.updateDescription();
  }

  /** The tree view, once attached. */
  get treeView(): vscode.TreeView<vscode.TreeItem> | undefined {
    return this.view;
  }

  /** Drops every cache and in-flight request, then reloads what is visible. */
  refresh(): void {
    this.groups.reset();
    this.clear();
    this.updateDescription();
    this.changed.fire(undefined);
  }

  updateDescription(): void {
    if (!this.view) return;
    const parts = [this.describe(), this.state.describeFilter()].filter(Boolean);
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
    return this.groups.parentOf(element);
  }

  async getChildren(element?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    if (!element) return this.rootChildren();
    if (element instanceof ErrorNode) return element.children;
    if (element instanceof GroupItem) return this.groups.groupChildren(element);
    return this.childrenOf(element);
  }

  /** Whether `list` is one of this tree's lists (what a Load more row passes). */
  owns(list: unknown): list is UserList | ProjectList {
    return this.groups.owns(list);
  }

  /** Runs "Load more…" (or its Retry) for one of this tree's lists. */
  loadMore(list: UserList | ProjectList): Promise<void> {
    return this.groups.loadMore(list);
  }

  /** The group of a role code, revealed and expanded (switches to the grouped, unfiltered view first). */
  async revealGroup(code: string, under?: vscode.TreeItem): Promise<GroupItem | undefined> {
    if (this.state.flat || this.state.filter) {
      this.state.setFilter(undefined);
      this.state.setFlat(false);
    }
    const nodes = await this.getChildren(under);
    const group = nodes.find((n): n is GroupItem => n instanceof GroupItem && n.code === code);
    if (group && this.view) await this.view.reveal(group, { expand: true, select: true, focus: true });
    return group;
  }

  dispose(): void {
    this.groups.reset();
    this.changed.dispose();
    this.state.dispose();
  }

  /** A config error or no profile: what the root shows instead of loading. */
  protected blocked(): vscode.TreeItem[] | undefined {
    const configError = this.deps.profiles.configError();
    if (configError) return [errorWithIds(new ErrorNode(configError), `${this.scope.viewId}/error`)];
    if (!this.deps.profiles.current()) return [];
    return undefined;
  }
}
