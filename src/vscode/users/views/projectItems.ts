import * as vscode from 'vscode';
import type { Project } from '../../../core/coscene/model';
import { PROJECT_ARCHIVED_CONTEXT_VALUE, PROJECT_CONTEXT_VALUE } from '../keys';

/** One project: display name, slug as description; expands into its role groups (loaded on expand). */
export class ProjectItem extends vscode.TreeItem {
  constructor(
    viewId: string,
    readonly project: Project,
    expanded: boolean,
  ) {
    super(
      project.displayName || project.slug || project.name,
      expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    this.id = `${viewId}/project/${project.name}`;
    this.description = project.archived ? `${project.slug} · ${vscode.l10n.t('archived')}` : project.slug;
    this.tooltip = [project.displayName, project.slug, project.description, project.name].filter(Boolean).join('\n');
    this.iconPath = new vscode.ThemeIcon(project.archived ? 'archive' : 'project');
    this.contextValue = project.archived ? PROJECT_ARCHIVED_CONTEXT_VALUE : PROJECT_CONTEXT_VALUE;
  }
}
