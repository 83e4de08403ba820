import type { CosceneApi, Page, Project } from './model';
import type { FetchPage } from '../paging/pageCursor';
import { PagingLoopError } from '../paging/walkBudget';

/**
 * ProjectService/ListProjects as cocli calls it (`cocli project list --all`): `pageSize` 100, `skip` 0, 100, 200 …,
 * `filter` is_archived="false" unless archived projects are asked for, until a page comes back empty.
 * Facts not confirmed by a published schema are kept here only (docs/protocol.md lists them):
 * - the JSON names `skip` and `isArchived` (cocli sets the Go fields `Skip` and filters on `is_archived`);
 * - that the list holds only the projects the caller can see, and in which order;
 * - that an empty filter returns archived and active projects alike.
 */
export const PROJECT_PROTOCOL = {
  /** cocli's constants.MaxPageSize. */
  pageSize: 100,
  activeOnlyFilter: 'is_archived="false"',
  /** Project field telling an archived project (protojson name). */
  archivedField: 'isArchived',
} as const;

export interface ProjectListOptions {
  includeArchived?: boolean;
  pageSize?: number;
  /**
   * Follow a short page at once (default): for a tree, whose "Load more" would otherwise find nothing. A walker
   * that uses each page as it arrives (the access scan) turns it off and asks for the empty page in its own turn.
   */
  followShortPage?: boolean;
}

export function projectsFilter(includeArchived: boolean): string {
  return includeArchived ? '' : PROJECT_PROTOCOL.activeOnlyFilter;
}

/**
 * ListProjects as a FetchPage, so the same walker and loop guards serve it: the "token" is the offset of the next
 * page as text, '' at the start and at the end. The offset moves by the items received (a server that sends fewer
 * than asked loses nothing). A short page is followed at once by the next one, so the walk ends on an empty page
 * as cocli's does, without leaving a "Load more" that finds nothing. A page identical to one at a lower offset
 * (a server that ignores `skip`) is a loop.
 */
export function projectPages(api: Pick<CosceneApi, 'listProjects'>, options: ProjectListOptions = {}): FetchPage<Project> {
  const pageSize = options.pageSize ?? PROJECT_PROTOCOL.pageSize;
  const filter = projectsFilter(options.includeArchived ?? false);
  let previous: { skip: number; names: string } | undefined;

  async function fetchAt(skip: number, signal?: AbortSignal): Promise<{ items: Project[]; totalSize?: number }> {
    const page = await api.listProjects({ pageSize, skip, filter }, signal);
    const names = page.items.map((p) => p.name).join('\n');
    if (page.items.length > 0 && previous && previous.skip < skip && previous.names === names) {
      throw new PagingLoopError('repeatedPage', skip);
    }
    previous = { skip, names };
    return page;
  }

  return async (token, signal): Promise<Page<Project>> => {
    const skip = token === '' ? 0 : Number(token);
    const first = await fetchAt(skip, signal);
    const items = first.items;
    let totalSize = first.totalSize;
    let next = items.length === 0 ? '' : String(skip + items.length);
    if (options.followShortPage !== false && items.length > 0 && items.length < pageSize) {
      const more = await fetchAt(skip + items.length, signal);
      items.push(...more.items);
      totalSize = more.totalSize ?? totalSize;
      next = more.items.length === 0 ? '' : String(skip + items.length);
    }
    return { items, nextPageToken: next, ...(totalSize !== undefined ? { totalSize } : {}) };
  };
}

/** The default project first, then the server's order. */
export function defaultProjectFirst(projects: readonly Project[], defaultSlugOrName: string | undefined): Project[] {
  if (!defaultSlugOrName) return [...projects];
  const isDefault = (p: Project) => p.slug === defaultSlugOrName || p.name === defaultSlugOrName;
  return [...projects.filter(isDefault), ...projects.filter((p) => !isDefault(p))];
}
