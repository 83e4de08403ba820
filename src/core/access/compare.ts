import { msg, type Msg } from '../errors';
import { isFiltered } from '../format/exportFacts';
import { projectKey, type AccessSnapshot, type SnapshotProject, type SnapshotUser } from './snapshot';

/** Every kind of change, in the order reports list them. */
export const CHANGE_KINDS = [
  'user-joined',
  'user-left',
  'user-renamed',
  'org-role-changed',
  'user-deactivated',
  'user-reactivated',
  'project-added',
  'project-removed',
  'project-archived',
  'project-unarchived',
  'project-renamed',
  'project-not-compared',
  'membership-gained',
  'membership-lost',
  'project-role-changed',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One change. `user` is users/<id>; `project` the project's slug (after a rename, the new one). */
export interface AccessChange {
  kind: ChangeKind;
  user?: string;
  nickname?: string;
  project?: string;
  before?: string;
  after?: string;
}

export interface AccessDiff {
  before: { organization?: string; readAt?: number };
  after: { organization?: string; readAt?: number };
  /** Sorted: organization-level changes by user, then per project (by slug): the project's own change first, then users. */
  changes: AccessChange[];
  counts: Record<ChangeKind, number>;
  /** What could not be compared and why (localisable). */
  notes: Msg[];
}

/**
 * What changed between two snapshots of one organization: users who joined or left, their nickname, org role and
 * active state; projects added, removed, archived or renamed (same id: one rename, memberships compared across it;
 * a CSV side without ids is matched by slug); memberships gained, lost or with another role. A project unreadable on
 * either side, or that was archived in between, has its memberships left out (listed as not compared / archived,
 * not as everyone losing access).
 */
export function compareAccess(before: AccessSnapshot, after: AccessSnapshot): AccessDiff {
  const changes: AccessChange[] = [];
  const notes: Msg[] = [];
  const rostersRead = before.orgRolesRead && after.orgRolesRead;
  if (!rostersRead)
    notes.push(msg('The organization roster was not read in both exports: joins, departures and organization roles are not compared.'));
  if (before.organization !== undefined && after.organization !== undefined && before.organization !== after.organization)
    notes.push(msg('The two exports are from different organizations: {0} and {1}.', before.organization, after.organization));
  if (before.filters && isFiltered(before.filters))
    notes.push(msg('The earlier export was filtered: users and projects outside its filter may show as joined or added.'));
  if (after.filters && isFiltered(after.filters))
    notes.push(msg('The later export was filtered: users and projects outside its filter may show as left or removed.'));

  const userOf = (name: string) => after.users.get(name) ?? before.users.get(name);
  const who = (name: string): Pick<AccessChange, 'user' | 'nickname'> => {
    const nickname = userOf(name)?.nickname;
    return { user: name, ...(nickname ? { nickname } : {}) };
  };

  for (const [name, a] of after.users) {
    const b = before.users.get(name);
    if (!b) {
      if (rostersRead) changes.push({ kind: 'user-joined', ...who(name), ...(a.orgRole ? { after: a.orgRole } : {}) });
      continue;
    }
    userChanges(b, a, rostersRead, changes);
  }
  if (rostersRead)
    for (const [name, b] of before.users)
      if (!after.users.has(name))
        changes.push({
          kind: 'user-left',
          user: name,
          ...(b.nickname ? { nickname: b.nickname } : {}),
          ...(b.orgRole ? { before: b.orgRole } : {}),
        });

  const beforeMembers = membersByProject(before);
  const afterMembers = membersByProject(after);
  const count = (index: Map<string, Map<string, string>>, p: SnapshotProject) =>
    p.membersRead ? `members: ${index.get(projectKey(p))?.size ?? 0}` : 'members not read';
  for (const [b, a] of pairProjects(before, after)) {
    if (b && !a) {
      const removed = after.includesArchived === false ? 'removed or archived' : 'removed';
      changes.push({ kind: 'project-removed', project: b.slug || projectKey(b), before: count(beforeMembers, b), after: removed });
    } else if (a && !b) changes.push({ kind: 'project-added', project: a.slug || projectKey(a), after: count(afterMembers, a) });
    else if (a && b) {
      const slug = a.slug || b.slug || projectKey(a);
      const renamed =
        (a.slug && b.slug && a.slug !== b.slug) ||
        (a.displayName !== undefined && b.displayName !== undefined && a.displayName !== b.displayName);
      if (renamed) changes.push({ kind: 'project-renamed', project: slug, before: projectTitle(b), after: projectTitle(a) });
      if (b.archived === false && a.archived === true) {
        changes.push({ kind: 'project-archived', project: slug });
        continue;
      }
      if (b.archived === true && a.archived === false) changes.push({ kind: 'project-unarchived', project: slug });
      if (!b.membersRead || !a.membersRead) {
        changes.push({ kind: 'project-not-compared', project: slug, before: readState(b), after: readState(a) });
        continue;
      }
      const was = beforeMembers.get(projectKey(b)) ?? new Map<string, string>();
      const is = afterMembers.get(projectKey(a)) ?? new Map<string, string>();
      membershipChanges(was, is, slug, who, changes);
    }
  }

  sortChanges(changes, userOf);
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const c of changes) counts[c.kind]++;
  return {
    before: side(before),
    after: side(after),
    changes,
    counts,
    notes,
  };
}

function side(s: AccessSnapshot): AccessDiff['before'] {
  return {
    ...(s.organization !== undefined ? { organization: s.organization } : {}),
    ...(s.readAt !== undefined ? { readAt: s.readAt } : {}),
  };
}

function userChanges(b: SnapshotUser, a: SnapshotUser, rostersRead: boolean, changes: AccessChange[]): void {
  const id = { user: a.name, ...(a.nickname ? { nickname: a.nickname } : {}) };
  if ((b.nickname ?? '') !== (a.nickname ?? ''))
    changes.push({ kind: 'user-renamed', ...id, before: b.nickname ?? '', after: a.nickname ?? '' });
  if (rostersRead && (b.orgRole ?? '') !== (a.orgRole ?? ''))
    changes.push({ kind: 'org-role-changed', ...id, before: b.orgRole ?? '', after: a.orgRole ?? '' });
  if (b.active === true && a.active === false) changes.push({ kind: 'user-deactivated', ...id, before: 'true', after: 'false' });
  if (b.active === false && a.active === true) changes.push({ kind: 'user-reactivated', ...id, before: 'false', after: 'true' });
}

function membershipChanges(
  was: ReadonlyMap<string, string>,
  is: ReadonlyMap<string, string>,
  slug: string,
  who: (name: string) => Pick<AccessChange, 'user' | 'nickname'>,
  changes: AccessChange[],
): void {
  for (const [name, b] of was) {
    const a = is.get(name);
    if (a === undefined) changes.push({ kind: 'membership-lost', ...who(name), project: slug, before: b });
    else if (a !== b) changes.push({ kind: 'project-role-changed', ...who(name), project: slug, before: b, after: a });
  }
  for (const [name, a] of is) if (!was.has(name)) changes.push({ kind: 'membership-gained', ...who(name), project: slug, after: a });
}

/** project key → user → role, from the user → project → role a snapshot holds. */
function membersByProject(s: AccessSnapshot): Map<string, Map<string, string>> {
  const index = new Map<string, Map<string, string>>();
  for (const [user, roles] of s.memberships)
    for (const [project, role] of roles) {
      let members = index.get(project);
      if (!members) index.set(project, (members = new Map()));
      members.set(user, role);
    }
  return index;
}

/**
 * Before/after pairs: by id where both sides have ids; then, where one side has no ids (a CSV export), by slug.
 * Two projects with different ids are never paired, even with the same slug (one was deleted, another made).
 */
function pairProjects(before: AccessSnapshot, after: AccessSnapshot): [SnapshotProject | undefined, SnapshotProject | undefined][] {
  const pairs: [SnapshotProject | undefined, SnapshotProject | undefined][] = [];
  const unpairedAfter = new Map(after.projects);
  const leftBefore: SnapshotProject[] = [];
  for (const b of before.projects.values()) {
    const a = b.id !== undefined ? after.projects.get(b.id) : undefined;
    if (a && a.id !== undefined) {
      pairs.push([b, a]);
      unpairedAfter.delete(projectKey(a));
    } else leftBefore.push(b);
  }
  const afterBySlug = new Map<string, SnapshotProject>();
  for (const a of unpairedAfter.values()) if (a.slug) afterBySlug.set(a.slug, a);
  for (const b of leftBefore) {
    const a = b.slug ? afterBySlug.get(b.slug) : undefined;
    if (a && (a.id === undefined || b.id === undefined)) {
      pairs.push([b, a]);
      afterBySlug.delete(b.slug);
      unpairedAfter.delete(projectKey(a));
    } else pairs.push([b, undefined]);
  }
  for (const a of unpairedAfter.values()) pairs.push([undefined, a]);
  return pairs;
}

function projectTitle(p: SnapshotProject): string {
  return p.displayName !== undefined && p.displayName !== p.slug ? `${p.slug} (${p.displayName})` : p.slug;
}

function readState(p: SnapshotProject): string {
  return p.membersRead ? 'read' : 'not read';
}

const KIND_ORDER = new Map<ChangeKind, number>(CHANGE_KINDS.map((k, i) => [k, i]));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts in place: organization-level changes (no project) first; then by project slug; within one project, the
 * project's own change, then by user (nickname, case-insensitive, or name), then by kind. Keys are computed once.
 */
function sortChanges(changes: AccessChange[], userOf: (name: string) => SnapshotUser | undefined): void {
  const keyed = changes.map((c) => ({
    c,
    project: c.project ?? '',
    label: c.user ? (userOf(c.user)?.nickname ?? c.nickname ?? c.user).toLowerCase() : '',
    kind: KIND_ORDER.get(c.kind)!,
  }));
  keyed.sort(
    (a, b) =>
      Number(a.c.project !== undefined) - Number(b.c.project !== undefined) ||
      cmp(a.project, b.project) ||
      Number(a.c.user !== undefined) - Number(b.c.user !== undefined) ||
      cmp(a.label, b.label) ||
      cmp(a.c.user ?? '', b.c.user ?? '') ||
      a.kind - b.kind,
  );
  keyed.forEach((k, i) => (changes[i] = k.c));
}
