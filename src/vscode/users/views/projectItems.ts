import * as vscode from 'vscode';
import type { Project } from '../../../core/coscene/model';
import type { PageCursor } from '../../../core/paging';
import type { RootModel } from './usersTree';

/** The projects of the Project Users view, loaded page by page (ListProjects). */
export interface ProjectList {
  readonly cursor: PageCursor<Project>;
  /** Projects shown before the listing's: the default and a selected one not (yet) in the loaded pages. */
  readonly pinned: Project[];
  /** One item per project, created once (reveal and refresh see the same objects). */
  readonly byName: Map<string, ProjectItem>;
  readonly element: undefined;
}

/** One project: display name, slug as description; expands into its role groups (loaded on expand). */
export class ProjectItem extends vscode.TreeItem {
  /** The project's groups or list, loaded when first expanded. */
  model: Promise<RootModel> | undefined;

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
    this.contextValue = project.archived ? 'coscene.project.archived' : 'coscene.project';
  }
}
