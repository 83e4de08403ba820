import type { Page, Role, User } from '../coscene/model';
import { FetchPage, PageCursor } from '../paging/pageCursor';
import { PAGING_BOUNDS } from '../paging/walkBudget';
import { sortRoles } from './roles';

export interface RoleGroup {
  /** undefined for the "Other roles" group. */
  role: Role | undefined;
  users: User[];
}

/**
 * Users by role, one group per role in cocli's order (level, then code), empty groups included;
 * users whose role code is not among `roles` (or who have none) end up in a last "Other roles"
 * group, present only when it has someone.
 */
export function groupUsersByRole(roles: readonly Role[], users: readonly User[]): RoleGroup[] {
  const groups = sortRoles(roles).map((role): RoleGroup => ({ role, users: [] }));
  const byCode = new Map(groups.map((g) => [g.role!.code, g]));
  const other: User[] = [];
  for (const user of users) {
    const group = user.role ? byCode.get(user.role.code) : undefined;
    if (group) group.users.push(user);
    else other.push(user);
  }
  return other.length > 0 ? [...groups, { role: undefined, users: other }] : groups;
}

/** The users an "Other roles" group holds. */
export function usersWithOtherRoles(roles: readonly Role[], users: readonly User[]): User[] {
  const known = new Set(roles.map((r) => r.code));
  return users.filter((u) => !u.role || !known.has(u.role.code));
}

export interface OtherRolesOptions {
  /** Users per page of the group; default: as many as a page of the unfiltered listing holds (the other groups' size). */
  pageSize?: number;
  /** How many users the group has, when known (listing total minus the other groups' counts): stops the walk there. */
  expected?: number;
  /** Requests to the unfiltered listing at most, over the whole walk. */
  maxPages?: number;
}

/**
 * Pages of the users whose role is not in `roles`, read from the unfiltered listing (the server cannot filter by
 * "none of these"). Each page is filled like any other group's: raw pages are read until a page's worth of users
 * is found, the listing ends, or all `expected` users are in; tokens only count pages. Bounded by `maxPages` requests.
 */
export function pagesOfOtherRoles(all: FetchPage<User>, roles: readonly Role[], options: OtherRolesOptions = {}): FetchPage<User> {
  const maxPages = options.maxPages ?? PAGING_BOUNDS.maxPages;
  const raw = new PageCursor(all);
  let served = 0;
  const allFound = () => options.expected !== undefined && served >= options.expected;
  const more = () => raw.hasMore && raw.pages < maxPages && !allFound();
  return async (_token, signal): Promise<Page<User>> => {
    const found: User[] = [];
    let wanted = options.pageSize;
    while (more() && found.length < (wanted ?? Infinity)) {
      const start = raw.items.length;
      await raw.loadNext(signal);
      wanted ??= Math.max(1, raw.items.length - start);
      const matches = usersWithOtherRoles(roles, raw.items.slice(start));
      found.push(...matches);
      served += matches.length;
    }
    return {
      items: found,
      nextPageToken: more() ? `page-${raw.pages}` : '',
      ...(options.expected !== undefined ? { totalSize: options.expected } : {}),
    };
  };
}
