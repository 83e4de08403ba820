import type { ExportFacts, ExportFilters } from '../format/exportFacts';
import type { AccessMatrix } from './matrix';

/** A user as a snapshot keeps it. Fields an older export did not write are left out (active). */
export interface SnapshotUser {
  /** users/<id> */
  name: string;
  /** Left out when empty. */
  nickname?: string;
  email: string;
  /** Unknown in exports written before the ACTIVE column. */
  active?: boolean;
  /** Left out when the user has none or the organization roles were not read. */
  orgRole?: string;
}

export interface SnapshotProject {
  /** projects/<id>; unknown in a CSV export (its columns are slugs). */
  id?: string;
  slug: string;
  /** Unknown in a CSV export. */
  displayName?: string;
  /** Unknown in a CSV export. */
  archived?: boolean;
  /** Whether its member list was read (false: not compared). */
  membersRead: boolean;
}

/** Who holds what in one organization at one time: the normalised view two exports are compared on. */
export interface AccessSnapshot {
  /** Organization slug, when the export says (its header, or a CSV's dated file name). */
  organization?: string;
  /** Epoch ms the data was read, when known. */
  readAt?: number;
  /** Whether the organization roster was read: only then are the users complete and org roles known. */
  orgRolesRead: boolean;
  /** Whether archived projects were read; unknown in a CSV export. */
  includesArchived?: boolean;
  /** The filters the export was written with, when it says. */
  filters?: ExportFilters;
  /** By user name (users/<id>). */
  users: ReadonlyMap<string, SnapshotUser>;
  /** By project key: the id (projects/<id>), or the slug when the export has no ids (CSV). */
  projects: ReadonlyMap<string, SnapshotProject>;
  /** user name → project key → role code; members only, readable projects only. */
  memberships: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** The key a project has in a snapshot. */
export function projectKey(p: { id?: string; slug: string }): string {
  return p.id ?? p.slug;
}

/** The snapshot of a matrix as read (filtered or not); `facts` gives the organization, the read time and the filters. */
export function snapshotFromMatrix(matrix: AccessMatrix, facts?: ExportFacts): AccessSnapshot {
  const orgRolesRead = matrix.orgRoles.status === 'ok';
  const projects = new Map<string, SnapshotProject>();
  const keys = matrix.projects.map(({ project, status }) => {
    const p: SnapshotProject = {
      ...(project.name ? { id: project.name } : {}),
      slug: project.slug,
      displayName: project.displayName,
      archived: project.archived,
      membersRead: status === 'ok',
    };
    const key = projectKey(p);
    projects.set(key, p);
    return key;
  });
  const users = new Map<string, SnapshotUser>();
  const memberships = new Map<string, Map<string, string>>();
  for (const row of matrix.rows) {
    const { name, nickname, email, active } = row.user;
    users.set(name, {
      name,
      ...(nickname ? { nickname } : {}),
      email,
      active,
      ...(orgRolesRead && row.orgRole ? { orgRole: row.orgRole } : {}),
    });
    const roles = new Map<string, string>();
    row.cells.forEach((cell, i) => {
      if (cell) roles.set(keys[i], cell);
    });
    if (roles.size) memberships.set(name, roles);
  }
  return {
    ...(facts ? { organization: facts.organization, filters: facts.filters } : {}),
    readAt: facts?.readAt ?? matrix.finishedAt,
    orgRolesRead,
    includesArchived: matrix.includeArchived,
    users,
    projects,
    memberships,
  };
}
