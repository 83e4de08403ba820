import type * as vscode from 'vscode';
import type { AccessDiff } from '../../core/access/compare';
import type { AccessMatrix } from '../../core/access/matrix';
import type { FeatureContext } from '../shared/featureContext';
import type { AccessPanel, RenderedAccess } from './access/accessPanel';
import type { AccessRunner } from './access/accessRunner';
import type { DiffPanel } from './access/diffPanel';
import type { DetailsDocuments } from './detailsDocuments';
import type { OrgUsersTree } from './views/orgUsers';
import type { ProjectSelection, ProjectUsersTree } from './views/projectUsers';
import type { RolesTreeProvider } from './views/roles';

/** Everything the users, roles and export commands work on; built once by registerUsersFeature. */
export interface UsersContext extends FeatureContext {
  readonly orgUsers: OrgUsersTree;
  readonly projectUsers: ProjectUsersTree;
  readonly project: ProjectSelection;
  readonly roles: RolesTreeProvider;
  readonly details: DetailsDocuments;
  readonly orgView: vscode.TreeView<vscode.TreeItem>;
  readonly projectView: vscode.TreeView<vscode.TreeItem>;
  readonly rolesView: vscode.TreeView<vscode.TreeItem>;
  /** Show Access and the access matrix: the session's scans (dropped on Refresh) and the webview. */
  readonly access: AccessRunner;
  readonly accessPanel: AccessPanel;
  /** What Export Access Matrix last wrote (read by the tests). */
  lastMatrix: AccessMatrix | undefined;
  /** Compare Access: the changes panel, and the last comparison (read by the tests). */
  readonly diffPanel: DiffPanel;
  lastDiff: AccessDiff | undefined;
}

/**
 * What the integration tests may inspect of the feature (test API field `users`): the trees and their views, the
 * access panel's last content and the last exported matrix. Read-only views of the feature's own objects.
 */
export interface UsersTestApi extends Pick<UsersContext, 'orgUsers' | 'projectUsers' | 'roles' | 'orgView' | 'projectView' | 'rolesView'> {
  /** What the Show Access panel last showed (its model and HTML). */
  lastAccess(): RenderedAccess | undefined;
  /** A message as the access panel's page posts it (a project link, the Compare button). */
  postToAccessPanel(message: unknown): void;
  /** The text the access panel's Copy as Markdown / CSV buttons copy. */
  accessText(format: 'markdown' | 'csv'): string | undefined;
  /** The matrix Export Access Matrix last wrote (after its filters). */
  lastMatrix(): AccessMatrix | undefined;
  /** The changes Compare Access last showed, and the HTML of its panel. */
  lastDiff(): AccessDiff | undefined;
  lastDiffHtml(): string | undefined;
  /** The text the changes panel's Copy buttons copy and Save… writes. */
  diffText(format: 'markdown' | 'csv' | 'json'): string | undefined;
  /** The changes panel's Save… (answered through the Ui). */
  saveDiff(): Promise<vscode.Uri | undefined>;
}

/** Refresh: both users trees read again, and the next Show Access or export scans the projects again. */
export function refreshUsersViews(ctx: UsersContext): void {
  ctx.access.drop();
  ctx.orgUsers.refresh();
  ctx.projectUsers.refresh();
}
