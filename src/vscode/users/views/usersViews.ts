import type * as vscode from 'vscode';
import type { AccessPanel } from '../access/accessPanel';
import type { AccessRunner } from '../access/accessRunner';
import type { DetailsDocuments } from '../detailsDocuments';
import type { Services } from '../../shared/services';
import type { ProjectSelection } from './projectUsers';
import type { RolesTreeProvider } from './roles';
import type { UsersTreeProvider } from './usersTree';

/** Everything the users, roles and export commands work on. */
export interface UsersViews {
  readonly services: Services;
  readonly orgUsers: UsersTreeProvider;
  readonly projectUsers: UsersTreeProvider;
  readonly project: ProjectSelection;
  readonly roles: RolesTreeProvider;
  readonly details: DetailsDocuments;
  readonly orgView: vscode.TreeView<vscode.TreeItem>;
  readonly projectView: vscode.TreeView<vscode.TreeItem>;
  readonly rolesView: vscode.TreeView<vscode.TreeItem>;
  /** Show Access and the access matrix: the session's scans (dropped on Refresh) and the webview. */
  readonly access: AccessRunner;
  readonly accessPanel: AccessPanel;
}

export function refreshUsersViews(views: UsersViews): void {
  views.access.drop();
  views.orgUsers.refresh();
  views.projectUsers.refresh();
}
