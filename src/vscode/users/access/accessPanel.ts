import * as vscode from 'vscode';
import type { UserAccess } from '../../../core/access/matrix';
import { formatUserAccess, userAccessNotes, userAccessTitle } from '../../../core/format/access';
import { formatAccessPair } from '../../../core/format/accessPair';
import { localize } from '../../shared/errors';
import type { Log } from '../../shared/log';
import { fileNameSlug } from '../../../core/format/exportName';
import { type CopyFormat, TablePanel } from '../../shared/tablePanel';
import type { Ui } from '../../shared/ui';
import { ACCESS_PANEL_VIEW_TYPE } from '../keys';
import { type AccessHtmlLabels, renderAccessHtml } from './accessHtml';

/** What the panel last showed (read by the integration tests through the test API's `users.lastAccess()`). */
export interface RenderedAccess {
  access: UserAccess;
  /** The user compared with (a second role column). */
  other?: UserAccess;
  html: string;
}

/** What the panel's links and buttons ask the feature to do. */
export interface AccessPanelActions {
  /** A project's link: reveal it in Project Users (`slug` is one the panel shows). */
  revealProject(slug: string): Promise<void>;
  /** "Compare with Another User…". */
  compare(): Promise<void>;
}

/** One "Access" webview panel, reused for whichever user is shown, with Copy as Markdown / CSV and Save…. */
export class AccessPanel extends TablePanel<RenderedAccess> {
  constructor(
    log: Log,
    ui: Ui,
    private readonly actions: AccessPanelActions,
  ) {
    super(
      {
        viewType: ACCESS_PANEL_VIEW_TYPE,
        exportText: ({ access, other }, format) => {
          if (!other) return formatUserAccess(access, format, localize);
          // Two users as JSON: each user's access as Show Access saves it, in one array.
          if (format === 'json') return `[\n${[access, other].map((a) => formatUserAccess(a, 'json').trim()).join(',\n')}\n]\n`;
          return formatAccessPair(access, other, format);
        },
        copied,
        copyFailed: 'Copying the access failed',
        saveName: ({ access }) => `access-${fileNameSlug(access.user.name.replace(/^users\//, ''))}`,
      },
      log,
      ui,
    );
  }

  /** One user's access, or (`other`) two users' side by side in one table: the rows line up by project. */
  show(access: UserAccess, other?: UserAccess): RenderedAccess {
    const title = other
      ? vscode.l10n.t('{0} compared with {1}', userAccessTitle(access, localize), other.user.nickname || other.user.name)
      : userAccessTitle(access, localize);
    return this.open(title, (page) => ({
      access,
      ...(other ? { other } : {}),
      html: renderAccessHtml({ access, ...(other ? { other } : {}), labels: accessLabels(access, title, other), ...page }),
    }));
  }

  /** The page's project links and Compare button; anything else, or a project the panel does not show, is ignored. */
  protected override onOtherMessage(message: unknown): void {
    this.receive(message);
  }

  /** What the page posted (also what the integration tests post, through the test API). */
  receive(message: unknown): void {
    const m = message as { type?: unknown; project?: unknown; action?: unknown } | undefined;
    const shown = this.last;
    if (!shown) return;
    if (m?.type === 'action' && m.action === 'compare') void this.actions.compare();
    if (m?.type !== 'project' || typeof m.project !== 'string') return;
    const slugs = [shown.access, ...(shown.other ? [shown.other] : [])].flatMap((a) => [
      ...a.memberships.map((x) => x.project.slug),
      ...a.unreadable.map((x) => x.project.slug),
    ]);
    if (slugs.includes(m.project)) void this.actions.revealProject(m.project);
  }
}

function copied(format: CopyFormat): string {
  return format === 'csv' ? vscode.l10n.t('Copied the access as CSV.') : vscode.l10n.t('Copied the access as Markdown.');
}

function accessLabels(access: UserAccess, title: string, other?: UserAccess): AccessHtmlLabels {
  const subtitle = (a: UserAccess) => [a.user.name, a.user.email].filter(Boolean).join(' · ');
  return {
    language: vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en',
    title,
    subtitle: other ? `${subtitle(access)} | ${subtitle(other)}` : subtitle(access),
    compare: vscode.l10n.t('Compare with Another User…'),
    revealProject: vscode.l10n.t('Show this project in Project Users'),
    scope: vscode.l10n.t('Scope'),
    project: vscode.l10n.t('Project'),
    slug: vscode.l10n.t('Slug'),
    role: vscode.l10n.t('Role'),
    organization: vscode.l10n.t('Organization'),
    projectScope: vscode.l10n.t('Project'),
    unreadable: vscode.l10n.t('The members of this project could not be read'),
    copyMarkdown: vscode.l10n.t('Copy as Markdown'),
    copyCsv: vscode.l10n.t('Copy as CSV'),
    save: vscode.l10n.t('Save…'),
    notes: [...userAccessNotes(access, localize), ...(other ? userAccessNotes(other, localize) : [])],
  };
}
