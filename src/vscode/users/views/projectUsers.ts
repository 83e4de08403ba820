import * as vscode from 'vscode';
import type { CosceneApi, Project } from '../../../core/coscene/model';
import { defaultProjectFirst, projectPages } from '../../../core/coscene/projects';
import { PageCursor } from '../../../core/paging';
import { ErrorNode } from '../../shared/nodes';
import { errorWithIds } from '../../shared/pagedListEnd';
import type { ActiveProfile } from '../../shared/featureContext';
import { PROJECT_USERS_CONTEXT_KEYS, PROJECT_USERS_VIEW, USERS_COMMAND } from '../keys';
import { ProjectItem } from './projectItems';
import { compact, UsersTreeDeps } from './roleGroups';
import type { ProjectList, ScopeModel } from './usersModel';
import { UsersViewState } from './usersState';
import { UsersTree } from './usersTreeBase';

const ignore = (): void => undefined;

/** Which project the Project Users view lists: the active profile's slug unless another was selected. */
export class ProjectSelection {
  private selected: string | undefined;
  private readonly names = new Map<string, string>();
  /** The view's "Show Archived Projects" toggle (also what Show Access and the matrix export include). */
  includeArchived = false;

  constructor(private readonly profiles: ActiveProfile) {}

  /** The slug (or id) shown, or undefined without a profile. */
  get slug(): string | undefined {
    return this.selected ?? this.profiles.current()?.project;
  }

  /** The project picked with Select Project…, if any. */
  get selectedSlug(): string | undefined {
    return this.selected;
  }

  /** Select Project…: `slug` is shown from now on, `name` its projects/<uuid>. */
  select(slug: string, name: string): void {
    this.selected = slug;
    this.names.set(slug, name);
  }

  /** Forget the selection and resolved names (profile changed). */
  reset(): void {
    this.selected = undefined;
    this.names.clear();
  }

  /** projects/<uuid> for the shown project, resolved with GetProject once per slug. */
  async resolve(api: CosceneApi, signal?: AbortSignal): Promise<string> {
    const slug = this.slug;
    if (!slug) return '';
    const cached = this.names.get(slug);
    if (cached) return cached;
    const profile = this.profiles.current();
    const name = !this.selected && profile?.projectName ? profile.projectName : (await api.getProject(slug, signal)).name;
    this.names.set(slug, name);
    return name;
  }
}

/**
 * Project Users: the projects the profile can see (ListProjects, paged, the default one first and expanded), each
 * expanding into its role groups (ListUsers with parent projects/<uuid>, groups from the project-level roles).
 */
export class ProjectUsersTree extends UsersTree {
  private projects: Promise<ProjectList | ErrorNode> | undefined;
  /** Each expanded project's groups or list, loaded when first expanded. */
  private readonly models = new Map<string, Promise<ScopeModel>>();

  constructor(
    deps: UsersTreeDeps,
    private readonly selection: ProjectSelection,
  ) {
    super(deps, new UsersViewState(PROJECT_USERS_CONTEXT_KEYS), { viewId: PROJECT_USERS_VIEW, level: 'project' });
  }

  title(): string {
    return vscode.l10n.t('Project Users');
  }

  protected describe(): string {
    return this.selection.includeArchived ? vscode.l10n.t('with archived') : '';
  }

  protected clear(): void {
    this.projects = undefined;
    this.models.clear();
  }

  protected async rootChildren(): Promise<vscode.TreeItem[]> {
    const blocked = this.blocked();
    if (blocked) return blocked;
    const list = await this.projectList();
    if (list instanceof ErrorNode) return [list];
    const items = this.orderedProjects(list).map((p) => this.itemFor(list, p));
    return [...items, ...this.groups.end(list, vscode.l10n.t('No projects'))];
  }

  protected async childrenOf(element: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    if (!(element instanceof ProjectItem)) return [];
    const key = element.project.name;
    let model = this.models.get(key);
    if (!model) {
      model = this.groups.load(key, `${PROJECT_USERS_VIEW}/${key}`);
      this.models.set(key, model);
    }
    const loaded = await model;
    if (loaded.failed && this.models.get(key) === model) this.models.delete(key); // Retry (Refresh) reads it again
    return this.groups.nodes(loaded, element);
  }

  /** The loaded projects (Select Project… offers them), in the order shown. */
  async loadedProjects(): Promise<Project[]> {
    const list = await this.projectList();
    return list instanceof ErrorNode ? [] : this.orderedProjects(list);
  }

  /** The item of a project, loading it with GetProject (and pinning it) when it is not among the loaded pages. */
  async projectItem(slugOrName: string): Promise<ProjectItem | undefined> {
    const list = await this.projectList();
    if (list instanceof ErrorNode) return undefined;
    const match = (p: Project) => p.slug === slugOrName || p.name === slugOrName;
    let project = this.orderedProjects(list).find(match);
    if (!project) {
      const api = await this.deps.profiles.api();
      project = await api.getProject(slugOrName, this.groups.signal);
      list.pinned.unshift(project);
      this.changed.fire(undefined);
    }
    return this.itemFor(list, project);
  }

  private projectList(): Promise<ProjectList | ErrorNode> {
    this.projects ??= this.loadProjects(this.groups.signal);
    return this.projects;
  }

  private async loadProjects(signal: AbortSignal): Promise<ProjectList | ErrorNode> {
    const id = `${PROJECT_USERS_VIEW}/projects`;
    try {
      const api = await this.deps.profiles.api();
      const list: ProjectList = this.groups.register({
        cursor: new PageCursor(projectPages(api, { includeArchived: this.selection.includeArchived })),
        id,
        pinned: [],
        byName: new Map(),
      });
      await list.cursor.loadNext(signal).catch(ignore);
      // The default (and a selected) project is shown first even when it is not on the first page.
      for (const slug of new Set(compact([this.selection.selectedSlug, this.defaultSlug()]))) {
        if (list.cursor.items.some((p) => p.slug === slug || p.name === slug)) continue;
        const project = await api.getProject(slug, signal).catch(() => undefined);
        if (project) list.pinned.push(project);
      }
      return list;
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') return errorWithIds(new ErrorNode(err), `${id}/error`);
      this.deps.log.error(`${PROJECT_USERS_VIEW}: listing projects failed`, err);
      const retry = { command: USERS_COMMAND.refresh, title: vscode.l10n.t('Retry') };
      return errorWithIds(new ErrorNode(err, retry), `${id}/error`);
    }
  }

  private defaultSlug(): string | undefined {
    return this.deps.profiles.current()?.project;
  }

  private orderedProjects(list: ProjectList): Project[] {
    const seen = new Set<string>();
    const all = [...list.pinned, ...list.cursor.items].filter((p) => !seen.has(p.name) && seen.add(p.name));
    return defaultProjectFirst(all, this.defaultSlug());
  }

  private itemFor(list: ProjectList, project: Project): ProjectItem {
    let item = list.byName.get(project.name);
    if (!item) {
      const wanted = this.selection.selectedSlug ?? this.defaultSlug();
      item = new ProjectItem(PROJECT_USERS_VIEW, project, project.slug === wanted || project.name === wanted);
      list.byName.set(project.name, item);
    }
    return item;
  }
}
