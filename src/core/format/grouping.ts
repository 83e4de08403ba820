import type { Page, Role, User } from '../coscene/model';
import { FetchPage, PageCursor } from '../paging';
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

/**
 * Pages of the users whose role is not in `roles`, read from the unfiltered listing (the server cannot
 * filter by "none of these"). Pages without a match are skipped so a tree never shows empty pages;
 * the tokens handed out only count pages. Bounded by `maxPages` requests.
 */
export function pagesOfOtherRoles(all: FetchPage<User>, roles: readonly Role[], maxPages = 1000): FetchPage<User> {
  const raw = new PageCursor(all);
  return async (_token, signal): Promise<Page<User>> => {
    const start = raw.items.length;
    let found: User[] = [];
    while (found.length === 0 && raw.hasMore && raw.pages < maxPages) {
      await raw.loadNext(signal);
      found = usersWithOtherRoles(roles, raw.items.slice(start));
    }
    return { items: found, nextPageToken: raw.hasMore && raw.pages < maxPages ? `page-${raw.pages}` : '' };
  };
}
