import * as vscode from 'vscode';
import type { Repository } from '../../../core/huawei/model';
import { NumberedList } from '../../../core/paging';
import type { AddedRepositories } from '../addedRepositories';
import type { HuaweiSession } from '../huaweiSession';
import type { Log } from '../../shared/log';
import { LOAD_MORE_COMMAND, REFRESH_COMMAND } from '../keys';
import { ErrorNode, MessageNode } from '../../shared/nodes';
import { listEnd } from '../../shared/pagedListEnd';
import { GrantedObjectNode, PAGE_SIZE, RepositoryNode, RoleNode, UserNode, UsersNode } from './permissionsNodes';

type Parent = RepositoryNode | UsersNode | undefined;

/** Root state: the listed repositories of the CodeArts project, page by page. */
interface RepositoryList {
  pages: NumberedList<Repository>;
  nodes: RepositoryNode[];
  loaded: boolean;
  error?: unknown;
}

/** coscene.permissions: repositories → roles → granted objects → operations, and Users per repository. */
export class PermissionsTreeProvider implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private list: RepositoryList = emptyList();
  private listing: Promise<void> | undefined;
  private addedNodes: RepositoryNode[] | undefined;
  private query = '';

  constructor(
    private readonly session: HuaweiSession,
    private readonly added: AddedRepositories,
    private readonly log: Log,
  ) {}

  get searchQuery(): string {
    return this.query;
  }

  setSearchQuery(query: string): void {
    this.query = query.trim();
    this.refresh();
  }

  /** Reload everything, or only what is below `node` (a repository or its Users node). */
  refresh(node?: vscode.TreeItem): void {
    if (node instanceof RepositoryNode) {
      node.children = undefined;
      node.usersNode.reset();
      this.changed.fire(node);
    } else if (node instanceof UsersNode) {
      node.reset();
      this.changed.fire(node);
    } else {
      this.list = emptyList();
      this.listing = undefined;
      this.addedNodes = undefined;
      this.changed.fire(undefined);
    }
  }

  async loadMore(parent: Parent): Promise<void> {
    if (parent instanceof UsersNode) await this.loadUsers(parent);
    else if (parent === undefined) await this.loadRepositories();
    this.changed.fire(parent);
  }

  getTreeItem(element: vscode.TreeItem): vscode.TreeItem {
    return element;
  }

  async getChildren(element?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    if (element === undefined) return this.rootChildren();
    if (element instanceof ErrorNode) return element.children;
    if (element instanceof RepositoryNode) return (element.children ??= this.repositoryChildren(element));
    if (element instanceof RoleNode || element instanceof GrantedObjectNode) return element.children();
    if (element instanceof UsersNode) return this.usersChildren(element);
    return [];
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** Display name of a listed repository by its repo id (for granted-object labels). */
  repositoryName(repoId: string): string | undefined {
    return this.list.nodes.find((n) => n.repo.repoId === repoId)?.repo.name;
  }

  private async rootChildren(): Promise<vscode.TreeItem[]> {
    if (!this.session.isSignedIn()) return [];
    if (!this.list.loaded && !this.list.error) await this.loadRepositories();
    this.addedNodes ??= this.added.list().map((r) => new RepositoryNode({ ...r, name: r.repoId }, true));
    const items: vscode.TreeItem[] = [...this.addedNodes, ...this.list.nodes];
    const loaded = this.list.nodes.length;
    items.push(
      ...listEnd(
        { error: this.list.error, hasMore: this.list.pages.hasMore, loaded, total: this.list.pages.total },
        {
          loadMore: (title) => ({ command: LOAD_MORE_COMMAND, title, arguments: [undefined] }),
          retry: (title) =>
            loaded === 0 ? { command: REFRESH_COMMAND, title } : { command: LOAD_MORE_COMMAND, title, arguments: [undefined] },
          empty: this.query
            ? vscode.l10n.t('No repositories match "{0}".', this.query)
            : vscode.l10n.t('No repositories in this CodeArts project.'),
        },
      ),
    );
    return items;
  }

  private loadRepositories(): Promise<void> {
    this.listing ??= (async () => {
      const list = this.list;
      try {
        const { api, tenantId, codeartsProjectId } = await this.session.artifact();
        const page = await api.listRepositories({
          tenantId,
          projectId: codeartsProjectId,
          pageNo: list.pages.nextPageNo,
          pageSize: PAGE_SIZE,
          qname: this.query || undefined,
        });
        if (list !== this.list) return; // refreshed meanwhile
        const { added, capped } = list.pages.accept(page.repositories, page.total);
        list.nodes.push(...added.map((r) => repositoryNode(r, codeartsProjectId)));
        list.loaded = true;
        list.error = undefined;
        if (capped) throw capped; // after the items that fit: they stay listed
      } catch (err) {
        if (list !== this.list) return;
        this.log.error('Listing CodeArts Artifact repositories failed', err);
        list.error = err;
      } finally {
        this.listing = undefined;
      }
    })();
    return this.listing;
  }

  private async repositoryChildren(node: RepositoryNode): Promise<vscode.TreeItem[]> {
    try {
      const { api } = await this.session.artifact();
      const privileges = await api.getRepositoryPrivileges(node.repo.projectId, node.repo.repoId);
      const lookup = (id: string): string | undefined => this.repositoryName(id);
      const roles = privileges.roles.map((role) => new RoleNode(role, node, lookup));
      return [
        ...(roles.length ? roles : [new MessageNode(vscode.l10n.t('No roles have permissions on this repository.'))]),
        node.usersNode,
      ];
    } catch (err) {
      this.log.error(`Reading the permissions of repository ${node.repo.repoId} failed`, err);
      return [new ErrorNode(err, { command: REFRESH_COMMAND, title: '', arguments: [node] }), node.usersNode];
    }
  }

  private async usersChildren(node: UsersNode): Promise<vscode.TreeItem[]> {
    if (!node.loaded && !node.error) await this.loadUsers(node);
    const items: vscode.TreeItem[] = node.list.items.map((u) => new UserNode(u));
    const loaded = node.list.items.length;
    items.push(
      ...listEnd(
        { error: node.error, hasMore: node.list.hasMore, loaded, total: node.list.total },
        {
          loadMore: (title) => ({ command: LOAD_MORE_COMMAND, title, arguments: [node] }),
          retry: (title) => ({ command: loaded ? LOAD_MORE_COMMAND : REFRESH_COMMAND, title, arguments: [node] }),
          empty: vscode.l10n.t('No users.'),
        },
      ),
    );
    return items;
  }

  private loadUsers(node: UsersNode): Promise<void> {
    node.loading ??= (async () => {
      try {
        const { api } = await this.session.artifact();
        const { repo } = node.repository;
        const { list } = node;
        const page = await api.listProjectUsers(repo.projectId, repo.repoId, list.nextPageNo, PAGE_SIZE);
        if (list !== node.list) return; // refreshed meanwhile
        const { capped } = list.accept(page.users, page.total);
        node.loaded = true;
        node.error = undefined;
        if (capped) throw capped; // after the items that fit: they stay listed
      } catch (err) {
        this.log.error(`Listing the users of repository ${node.repository.repo.repoId} failed`, err);
        node.error = err;
      } finally {
        node.loading = undefined;
      }
    })();
    return node.loading;
  }
}

function emptyList(): RepositoryList {
  return { pages: new NumberedList<Repository>(PAGE_SIZE, 'repositories', (r) => r.name), nodes: [], loaded: false };
}

function repositoryNode(r: Repository, codeartsProjectId: string): RepositoryNode {
  return new RepositoryNode(
    {
      projectId: r.projectId || codeartsProjectId,
      repoId: r.name,
      name: r.displayName || r.repositoryName || r.name,
      format: r.format,
      description: r.description,
    },
    false,
  );
}
