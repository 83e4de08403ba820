import * as vscode from 'vscode';
import type { CosceneApi } from '../../../core/coscene/model';
import type { Services } from '../../shared/services';
import { PROJECT_USERS_CONTEXT_KEYS, PROJECT_USERS_VIEW } from '../keys';
import { UsersTreeProvider } from './usersTree';
import { UsersViewState } from './usersState';

/** Which project the Project Users view lists: the active profile's slug unless another was selected. */
export class ProjectSelection {
  private selected: string | undefined;
  private readonly names = new Map<string, string>();
  /** The view's "Show Archived Projects" toggle (also what Show Access and the matrix export include). */
  includeArchived = false;

  constructor(private readonly services: Services) {}

  /** The slug (or id) shown, or undefined without a profile. */
  get slug(): string | undefined {
    return this.selected ?? this.services.profiles.current()?.project;
  }

  select(slug: string | undefined): void {
    this.selected = slug;
  }

  /** The project picked with Select Project…, if any. */
  get selectedSlug(): string | undefined {
    return this.selected;
  }

  /** Forget the selection and resolved names (profile changed). */
  reset(): void {
    this.selected = undefined;
    this.names.clear();
  }

  remember(slug: string, name: string): void {
    this.names.set(slug, name);
  }

  /** projects/<uuid> for the shown project, resolved with GetProject once per slug. */
  async resolve(api: CosceneApi, signal?: AbortSignal): Promise<string> {
    const slug = this.slug;
    if (!slug) return '';
    const cached = this.names.get(slug);
    if (cached) return cached;
    const profile = this.services.profiles.current();
    const name = !this.selected && profile?.projectName ? profile.projectName : (await api.getProject(slug, signal)).name;
    this.names.set(slug, name);
    return name;
  }
}

/**
 * Project Users: the projects the profile can see (ListProjects, paged, the default one first and expanded), each
 * expanding into its role groups (ListUsers with parent projects/<uuid>, groups from the project-level roles).
 */
export function createProjectUsersTree(services: Services, project: ProjectSelection): UsersTreeProvider {
  return new UsersTreeProvider(services, new UsersViewState(PROJECT_USERS_CONTEXT_KEYS), {
    viewId: PROJECT_USERS_VIEW,
    level: 'project',
    title: () => vscode.l10n.t('Project Users'),
    showCurrentUser: false,
    resolveParent: (api, signal) => project.resolve(api, signal),
    describe: () => (project.includeArchived ? vscode.l10n.t('with archived') : ''),
    projects: {
      defaultSlug: () => services.profiles.current()?.project,
      selectedSlug: () => project.selectedSlug,
      includeArchived: () => project.includeArchived,
    },
  });
}
