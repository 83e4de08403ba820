import type { AccessCell, AccessMatrix, MatrixProject } from '../../../../src/core/access/matrix';
import type { MemberInfo } from '../../../../src/core/access/model';
import type { AccessSnapshot, SnapshotProject, SnapshotUser } from '../../../../src/core/access/snapshot';
import type { Project } from '../../../../src/core/coscene/model';
import type { ExportFacts } from '../../../../src/core/format/exportFacts';

export const READ_AT = Date.UTC(2026, 11, 7, 8, 30, 15, 250);

export function project(id: string, slug: string, displayName = slug, archived = false): Project {
  return { name: `projects/${id}`, slug, displayName, description: '', archived };
}

export const ALICE: MemberInfo = { name: 'users/a1', nickname: 'Alice', email: 'alice@example.com', active: true };
export const BOB: MemberInfo = { name: 'users/b2', nickname: '=Bob+1', email: 'bob@example.com', active: false };
export const CAROL: MemberInfo = { name: 'users/c3', nickname: '', email: 'carol@example.com', active: true };
export const DAVE: MemberInfo = { name: 'users/d4', email: 'dave@example.com', active: true };

/**
 * A small matrix with every kind of cell: roles, not a member, an unreadable project (denied), an archived one,
 * a formula-looking nickname, an empty and a missing nickname, a member outside the roster (no org role).
 */
export function sampleMatrix(): AccessMatrix {
  const projects: MatrixProject[] = [
    { project: project('p1', 'fleet-ops', '车队运营'), status: 'ok' },
    { project: project('p2', 'lidar', 'Lidar | tests'), status: 'ok' },
    { project: project('p3', 'secret', 'Secret'), status: 'denied', problem: { template: 'Denied', args: [] } },
    { project: project('p4', 'legacy', 'Legacy', true), status: 'ok' },
  ];
  const rows: { user: MemberInfo; orgRole?: string; cells: AccessCell[] }[] = [
    { user: ALICE, orgRole: 'ORGANIZATION_ADMIN', cells: ['PROJECT_ADMIN', 'PROJECT_WRITER', undefined, ''] },
    { user: BOB, orgRole: 'ORGANIZATION_READER', cells: ['PROJECT_READER', '', undefined, 'PROJECT_READER'] },
    { user: CAROL, orgRole: 'ORGANIZATION_WRITER', cells: ['', '', undefined, ''] },
    { user: DAVE, cells: ['', '-PROJECT_LABELER', undefined, ''] },
  ];
  return { projects, rows, orgRoles: { status: 'ok' }, includeArchived: true, finishedAt: READ_AT };
}

export function sampleFacts(over: Partial<ExportFacts> = {}): ExportFacts {
  return {
    organization: 'acme',
    profile: 'work',
    endpoint: 'https://openapi.coscene.cn',
    readAt: READ_AT,
    filters: { roleCodes: [], projects: [], includeArchived: true, inactiveWithRoleOnly: false },
    extensionVersion: '0.1.0',
    ...over,
  };
}

/** A hand-built snapshot: users [name, nickname, orgRole, active], projects, memberships "user project role". */
export function snapshot(spec: {
  organization?: string;
  orgRolesRead?: boolean;
  includesArchived?: boolean;
  users: [string, string | undefined, string | undefined, boolean?][];
  projects: SnapshotProject[];
  memberships: [string, string, string][];
}): AccessSnapshot {
  const users = new Map<string, SnapshotUser>();
  for (const [name, nickname, orgRole, active] of spec.users)
    users.set(name, {
      name,
      ...(nickname ? { nickname } : {}),
      email: `${name.slice(6)}@example.com`,
      ...(active !== undefined ? { active } : {}),
      ...(orgRole ? { orgRole } : {}),
    });
  const projects = new Map(spec.projects.map((p) => [p.id ?? p.slug, p]));
  const memberships = new Map<string, Map<string, string>>();
  for (const [user, key, role] of spec.memberships) {
    if (!memberships.has(user)) memberships.set(user, new Map());
    memberships.get(user)!.set(key, role);
  }
  return {
    ...(spec.organization ? { organization: spec.organization } : {}),
    readAt: READ_AT,
    orgRolesRead: spec.orgRolesRead ?? true,
    ...(spec.includesArchived !== undefined ? { includesArchived: spec.includesArchived } : {}),
    users,
    projects,
    memberships,
  };
}

export const P = (id: string, slug: string, more: Partial<SnapshotProject> = {}): SnapshotProject => ({
  id: `projects/${id}`,
  slug,
  displayName: slug,
  archived: false,
  membersRead: true,
  ...more,
});
