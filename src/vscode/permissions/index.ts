import * as vscode from 'vscode';
import { type FeatureCommands, registerFeatureCommands } from '../shared/commands';
import type { FeatureContext } from '../shared/featureContext';
import { AddedRepositories } from './addedRepositories';
import { addRepository } from './commands/addRepository';
import { copyUserId } from './commands/copyUserId';
import { openSettings } from './commands/openSettings';
import { loadMore, refresh } from './commands/refresh';
import { removeRepository } from './commands/removeRepository';
import { search } from './commands/search';
import { showMatrix } from './commands/showMatrix';
import { signIn } from './commands/signIn';
import { signOut } from './commands/signOut';
import type { PermissionsContext } from './context';
import { CredentialStore } from './credentialStore';
import { offerDemoSignIn } from './demoSignIn';
import { HuaweiSession } from './huaweiSession';
import {
  ADD_REPOSITORY_COMMAND,
  COPY_USER_ID_COMMAND,
  LOAD_MORE_COMMAND,
  OPEN_SETTINGS_COMMAND,
  PERMISSIONS_VIEW_ID,
  type PermissionsCommandId,
  REFRESH_COMMAND,
  REMOVE_REPOSITORY_COMMAND,
  SEARCH_COMMAND,
  SHOW_MATRIX_COMMAND,
  SIGN_IN_COMMAND,
  SIGN_OUT_COMMAND,
} from './keys';
import { MatrixPanel } from './matrix/matrixPanel';
import { PermissionsTreeProvider } from './views/permissionsTree';

/** What the integration tests inspect (test API `permissions`). */
export interface PermissionsTestApi {
  readonly session: HuaweiSession;
  readonly tree: PermissionsTreeProvider;
  /** The matrix panel: what it shows last, and what its Copy buttons put on the clipboard. */
  readonly matrix: Pick<MatrixPanel, 'last' | 'exportText' | 'copy' | 'save'>;
  /** Resolves once the stored credentials have been read. */
  readonly ready: Promise<void>;
  viewDescription(): string | undefined;
}

const COMMANDS: FeatureCommands<PermissionsCommandId, PermissionsContext> = {
  [SIGN_IN_COMMAND]: signIn,
  [SIGN_OUT_COMMAND]: signOut,
  [OPEN_SETTINGS_COMMAND]: openSettings,
  [REFRESH_COMMAND]: refresh,
  [LOAD_MORE_COMMAND]: loadMore,
  [SEARCH_COMMAND]: search,
  [ADD_REPOSITORY_COMMAND]: addRepository,
  [REMOVE_REPOSITORY_COMMAND]: removeRepository,
  [SHOW_MATRIX_COMMAND]: showMatrix,
  [COPY_USER_ID_COMMAND]: copyUserId,
};

/** Repository Permissions view (Huawei Cloud CodeArts Artifact): sign-in, tree, matrix webview. */
export function registerPermissionsFeature(feature: FeatureContext): PermissionsTestApi {
  const { extension, log, ui } = feature;
  const session = new HuaweiSession(new CredentialStore(extension), log, ui);
  const added = new AddedRepositories(extension.globalState);
  const tree = new PermissionsTreeProvider(session, added, log);
  const matrix = new MatrixPanel(log, ui);
  const ctx: PermissionsContext = { ...feature, session, added, tree, matrix };
  const view = vscode.window.createTreeView(PERMISSIONS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });

  const describeView = (): void => {
    view.description = tree.searchQuery ? vscode.l10n.t('Search: {0}', tree.searchQuery) : session.describe();
  };
  // Reads the stored sign-in (and sets the context key that shows the welcome view or the tree).
  const ready = session.reload();

  extension.subscriptions.push(
    session,
    tree,
    matrix,
    view,
    // Sign-in, sign-out (also from another window) and endpoint settings: reload the tree.
    session.onDidChange(() => tree.refresh()),
    session.onDidChange(describeView),
    tree.onDidChangeTreeData(describeView),
    ...registerFeatureCommands(ctx, COMMANDS),
  );
  void ready.then(() => offerDemoSignIn(ctx)).catch((err) => log.warn(`Demo sign-in offer failed: ${String(err)}`));
  return { session, tree, matrix, ready, viewDescription: () => view.description };
}
