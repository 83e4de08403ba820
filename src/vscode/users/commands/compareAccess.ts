import * as path from 'node:path';
import * as vscode from 'vscode';
import { compareAccess as compareSnapshots } from '../../../core/access/compare';
import { checkExportSize, parseAccessExport } from '../../../core/access/parseExport';
import { snapshotFromMatrix, type AccessSnapshot } from '../../../core/access/snapshot';
import type { Command } from '../../shared/commands';
import type { Ui } from '../../shared/ui';
import { exportFacts, organizationSlug } from '../exportFacts';
import type { UsersContext } from '../usersContext';

/**
 * "coScene: Compare Access with a Previous Export…": an access-matrix export written earlier (JSON, YAML or CSV, of
 * this organization) against the current access (scanned as the file was: with or without archived projects) or
 * against a second export; the changes in a webview with Copy and Save…. A file that is not such an export, or is
 * from another organization, is refused with the core's message.
 */
export const compareAccess: Command<UsersContext> = async (ctx) => {
  const api = await ctx.profiles.api();
  const org = await organizationSlug(ctx, api);
  const first = await pickExport(ctx.ui, vscode.l10n.t('Compare Access with a Previous Export'));
  if (!first) return;
  const before = await readExport(first, org);
  const current = { label: vscode.l10n.t('The current access'), description: org, other: false };
  const other = {
    label: vscode.l10n.t('Another export…'),
    description: vscode.l10n.t('a later export of the same organization'),
    other: true,
  };
  const pick = await ctx.ui.showQuickPick([current, other], {
    title: vscode.l10n.t('Compare {0} with', path.posix.basename(first.path)),
  });
  if (!pick) return;
  let after: AccessSnapshot;
  if (pick.other) {
    const second = await pickExport(ctx.ui, vscode.l10n.t('The Later Export'));
    if (!second) return;
    after = await readExport(second, org);
  } else {
    const includeArchived = before.includesArchived ?? ctx.project.includeArchived;
    ctx.access.drop(); // "current" is now, not a scan kept from before
    const matrix = await ctx.access.matrix(includeArchived);
    after = snapshotFromMatrix(matrix, exportFacts(ctx, org, matrix.finishedAt, { includeArchived }));
  }
  const diff = compareSnapshots(before, after);
  ctx.lastDiff = diff;
  ctx.diffPanel.show(diff);
};

async function pickExport(ui: Ui, title: string): Promise<vscode.Uri | undefined> {
  const uris = await ui.showOpenDialog({
    title,
    openLabel: vscode.l10n.t('Compare'),
    canSelectMany: false,
    canSelectFiles: true,
    canSelectFolders: false,
    filters: { [vscode.l10n.t('Access matrix exports')]: ['json', 'yaml', 'yml', 'csv'] },
  });
  return uris?.[0];
}

/** The file's snapshot; its size is checked before it is read (a larger file could never be compared). */
async function readExport(uri: vscode.Uri, organization: string): Promise<AccessSnapshot> {
  const name = path.posix.basename(uri.path);
  checkExportSize(name, (await vscode.workspace.fs.stat(uri)).size);
  const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  return parseAccessExport(text, name, { expectOrganization: organization });
}
