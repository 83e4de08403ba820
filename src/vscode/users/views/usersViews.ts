import type * as vscode from 'vscode';
import type { DetailsDocuments } from '../detailsDocuments';
import type { Services } from '../../shared/services';
import type { ProjectSelection } from './projectUsers';
import type { RolesTreeProvider } from './roles';
import type { UsersTreeProvider } from './usersTree';
import type { UsersViewState } from './usersState';

/** Everything the users, roles and export commands work on. */
export interface UsersViews {
  readonly services: Services;
  readonly state: UsersViewState;
  readonly orgUsers: UsersTreeProvider;
  readonly projectUsers: UsersTreeProvider;
  readonly project: ProjectSelection;
  readonly roles: RolesTreeProvider;
  readonly details: DetailsDocuments;
  readonly orgView: vscode.TreeView<vscode.TreeItem>;
  readonly projectView: vscode.TreeView<vscode.TreeItem>;
  readonly rolesView: vscode.TreeView<vscode.TreeItem>;
}

export function refreshUsersViews(views: UsersViews): void {
  views.orgUsers.refresh();
  views.projectUsers.refresh();
}
