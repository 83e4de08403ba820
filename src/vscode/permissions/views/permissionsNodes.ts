import * as vscode from 'vscode';
import { NumberedList } from '../../../core/paging';
import {
  grantedObjectLabel,
  operationLabel,
  operationTooltip,
  parseGrantedObjectPath,
  parseOperations,
  roleLabel,
} from '../../../core/huawei/labels';
import type { Privilege, ProjectUser, RolePrivileges } from '../../../core/huawei/model';
import { uiLanguage } from '../language';
import { MessageNode } from '../../shared/nodes';
import {
  ADDED_REPOSITORY_CONTEXT,
  GRANTED_OBJECT_CONTEXT_PREFIX,
  HUAWEI_ROLE_CONTEXT,
  HUAWEI_USER_CONTEXT,
  HUAWEI_USERS_CONTEXT,
  NO_PERMISSIONS_CONTEXT,
  OPERATION_CONTEXT,
  REPOSITORY_CONTEXT,
} from '../keys';

/** Where a repository's permissions live: the CodeArts project id and the repo id used in API paths. */
export interface RepositoryRef {
  projectId: string;
  repoId: string;
  /** Display name; the repo id when unknown. */
  name: string;
  format?: string;
  description?: string;
}

export class RepositoryNode extends vscode.TreeItem {
  /** Cached children; cleared by refresh. */
  children: Promise<vscode.TreeItem[]> | undefined;
  readonly usersNode: UsersNode;

  constructor(
    readonly repo: RepositoryRef,
    readonly added: boolean,
  ) {
    super(repo.name, vscode.TreeItemCollapsibleState.Collapsed);
    this.description = added ? vscode.l10n.t('added by ID') : repo.format;
    this.tooltip = [
      repo.name,
      vscode.l10n.t('Repository ID: {0}', repo.repoId),
      vscode.l10n.t('CodeArts project ID: {0}', repo.projectId),
      ...(repo.description ? [repo.description] : []),
    ].join('\n');
    this.iconPath = new vscode.ThemeIcon('repo');
    this.contextValue = added ? ADDED_REPOSITORY_CONTEXT : REPOSITORY_CONTEXT;
    this.usersNode = new UsersNode(this);
  }
}

export class RoleNode extends vscode.TreeItem {
  constructor(
    readonly role: RolePrivileges,
    readonly repo: RepositoryNode,
    private readonly repoName: (id: string) => string | undefined,
  ) {
    super(roleLabel(role, uiLanguage()), vscode.TreeItemCollapsibleState.Collapsed);
    const granted = role.privileges.filter((p) => parseOperations(p.operations).length > 0);
    this.description = granted.length === 0 ? vscode.l10n.t('No permissions') : undefined;
    this.tooltip = [roleLabel(role, uiLanguage()), ...(role.roleId ? [vscode.l10n.t('Role ID: {0}', role.roleId)] : [])].join('\n');
    this.iconPath = new vscode.ThemeIcon('organization');
    this.contextValue = HUAWEI_ROLE_CONTEXT;
  }

  children(): vscode.TreeItem[] {
    const granted = this.role.privileges.filter((p) => parseOperations(p.operations).length > 0);
    if (granted.length === 0) return [new NoPermissionsNode()];
    return granted.map((p) => new GrantedObjectNode(p, this.repoName));
  }
}

export class GrantedObjectNode extends vscode.TreeItem {
  constructor(
    readonly privilege: Privilege,
    repoName: (id: string) => string | undefined,
  ) {
    const parsed = parseGrantedObjectPath(privilege.granted_object_path);
    super(grantedObjectLabel(parsed, uiLanguage(), repoName), vscode.TreeItemCollapsibleState.Expanded);
    this.iconPath = new vscode.ThemeIcon(parsed.kind === 'component' ? 'package' : parsed.kind === 'repo' ? 'repo' : 'symbol-misc');
    // operations_index is undocumented: kept for debugging in the tooltip only.
    this.tooltip = [
      privilege.granted_object_path,
      vscode.l10n.t('Object type ID: {0}', privilege.granted_object_type_id || '-'),
      `operations_index: ${JSON.stringify(privilege.operations_index)}`,
    ].join('\n');
    this.contextValue = `${GRANTED_OBJECT_CONTEXT_PREFIX}${parsed.kind}`;
  }

  children(): vscode.TreeItem[] {
    return parseOperations(this.privilege.operations).map((op) => new OperationNode(op.keyword, op.known));
  }
}

export class OperationNode extends vscode.TreeItem {
  constructor(
    readonly keyword: string,
    readonly known: boolean,
  ) {
    super(operationLabel(keyword, uiLanguage()), vscode.TreeItemCollapsibleState.None);
    this.description = known ? undefined : vscode.l10n.t('unknown operation');
    this.tooltip = operationTooltip(keyword, uiLanguage());
    this.iconPath = new vscode.ThemeIcon(known ? 'check' : 'question');
    this.contextValue = OPERATION_CONTEXT;
  }
}

/** A role or object that grants nothing: shown muted rather than left empty. */
export class NoPermissionsNode extends MessageNode {
  constructor() {
    super(vscode.l10n.t('No permissions'), 'circle-slash');
    this.iconPath = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    this.contextValue = NO_PERMISSIONS_CONTEXT;
  }
}

/** "Users" under a repository: ListProjectUsers, paged. */
export class UsersNode extends vscode.TreeItem {
  list = newUserList();
  loaded = false;
  error: unknown;
  loading: Promise<void> | undefined;

  constructor(readonly repository: RepositoryNode) {
    super(vscode.l10n.t('Users'), vscode.TreeItemCollapsibleState.Collapsed);
    this.iconPath = new vscode.ThemeIcon('person');
    this.contextValue = HUAWEI_USERS_CONTEXT;
  }

  reset(): void {
    this.list = newUserList();
    this.loaded = false;
    this.error = undefined;
  }
}

/** The CodeArts pages hold up to 100 items; the tree asks for the largest page. */
export const PAGE_SIZE = 100;

function newUserList(): NumberedList<ProjectUser> {
  return new NumberedList<ProjectUser>(PAGE_SIZE, 'users', (u) => u.userId);
}

export class UserNode extends vscode.TreeItem {
  constructor(readonly user: ProjectUser) {
    super(user.userName || user.userId, vscode.TreeItemCollapsibleState.None);
    const privilege = privilegeText(user.privilege);
    this.description = [user.roleName, privilege].filter(Boolean).join(' · ');
    this.tooltip = [
      user.userName,
      vscode.l10n.t('User ID: {0}', user.userId),
      vscode.l10n.t('Role: {0}', user.roleName || '-'),
      vscode.l10n.t('Privilege: {0}', privilege || '-'),
    ].join('\n');
    this.iconPath = new vscode.ThemeIcon('account');
    this.contextValue = HUAWEI_USER_CONTEXT;
  }
}

/** Operation keywords → labels when every item is known; otherwise the server's text as is. */
function privilegeText(privilege: string): string {
  const ops = parseOperations(privilege);
  if (ops.length === 0 || ops.some((o) => !o.known)) return privilege.trim();
  return ops.map((o) => operationLabel(o.keyword, uiLanguage())).join(', ');
}
