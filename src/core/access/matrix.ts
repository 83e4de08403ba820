import type { Project, User } from '../coscene/model';
import { AccessError, msg, type Msg } from '../errors';
import type { MemberInfo, OrgRoster, ProjectScan, ReadStatus } from './model';

export interface MatrixProject {
  project: Project;
  status: ReadStatus;
  problem?: Msg;
}

/** One cell: a role code, '' for "not a member", undefined when the project's members could not be read. */
export type AccessCell = string | undefined;

export interface AccessRow {
  user: MemberInfo;
  /** undefined when the organization roster could not be read (or the user is not in it). */
  orgRole?: string;
  /** One cell per matrix project, same order. */
  cells: AccessCell[];
}

/** Users × projects, the role code in each cell, plus the organization role. */
export interface AccessMatrix {
  projects: MatrixProject[];
  rows: AccessRow[];
  orgRoles: { status: ReadStatus | 'skipped'; problem?: Msg };
  includeArchived: boolean;
  finishedAt: number;
}

/**
 * Users × projects one matrix may hold. The scan caps bound the inputs (users, memberships), not their product: a server
 * answering 100,000 users and 5,000 projects would ask for 5×10⁸ cells (~4 GB), and the extension host would die with
 * every extension in it. 20 million cell slots are ~160 MB, and filtering or exporting them stays within seconds.
 */
export const MAX_MATRIX_CELLS = 20_000_000;

/** Rows: the roster's users in server order, then members the roster did not list (or all, without a roster). */
export function buildAccessMatrix(scan: ProjectScan, roster?: OrgRoster): AccessMatrix {
  checkMatrixSize(scan, roster);
  const projects = scan.projects.map(({ project, status, problem }) => ({ project, status, ...(problem ? { problem } : {}) }));
  const cellsOf = (name: string): AccessCell[] => scan.projects.map((p) => (p.status === 'ok' ? (p.members.get(name) ?? '') : undefined));
  const rows: AccessRow[] = [];
  const listed = new Set<string>();
  for (const { info, orgRole } of roster?.users ?? []) {
    if (listed.has(info.name)) continue;
    listed.add(info.name);
    rows.push({ user: info, orgRole, cells: cellsOf(info.name) });
  }
  for (const info of scan.users.values()) {
    if (listed.has(info.name)) continue;
    listed.add(info.name);
    rows.push({ user: info, cells: cellsOf(info.name) });
  }
  return {
    projects,
    rows,
    orgRoles: roster ? { status: roster.status, ...(roster.problem ? { problem: roster.problem } : {}) } : { status: 'skipped' },
    includeArchived: scan.includeArchived,
    finishedAt: scan.finishedAt,
  };
}

/** Counts the rows before any cell exists; past MAX_MATRIX_CELLS the matrix is refused with what to do instead. */
function checkMatrixSize(scan: ProjectScan, roster: OrgRoster | undefined): void {
  const users = new Set<string>(scan.users.keys());
  for (const { info } of roster?.users ?? []) users.add(info.name);
  if (users.size * scan.projects.length <= MAX_MATRIX_CELLS) return;
  throw new AccessError(
    msg(
      'The access matrix would have {0} users × {1} projects, more cells than the {2} one matrix can hold. Use Show Access for User… for one user at a time.',
      users.size.toLocaleString('en-US'),
      scan.projects.length.toLocaleString('en-US'),
      MAX_MATRIX_CELLS.toLocaleString('en-US'),
    ),
  );
}

export interface MatrixFilter {
  /** Keep rows holding one of these codes (org role or a kept project's role). */
  roleCodes?: readonly string[];
  /** Keep these projects (slug or resource name) and the rows that are members of one of them. */
  projects?: readonly string[];
  /**
   * Keep only inactive users who still hold a role: an organization role, or a role in one of the kept projects
   * (the accounts an access review would clean up).
   */
  inactiveWithRoleOnly?: boolean;
}

export function filterAccessMatrix(matrix: AccessMatrix, filter: MatrixFilter): AccessMatrix {
  const wanted = filter.projects?.length ? new Set(filter.projects) : undefined;
  const keep = matrix.projects.map((p) => !wanted || wanted.has(p.project.slug) || wanted.has(p.project.name));
  const codes = filter.roleCodes?.length ? new Set(filter.roleCodes) : undefined;
  const rows: AccessRow[] = [];
  for (const row of matrix.rows) {
    const cells = row.cells.filter((_, i) => keep[i]);
    if (wanted && !cells.some((c) => c)) continue;
    if (codes && !(row.orgRole !== undefined && codes.has(row.orgRole)) && !cells.some((c) => c !== undefined && codes.has(c))) continue;
    if (filter.inactiveWithRoleOnly && (row.user.active || !(row.orgRole || cells.some((c) => c)))) continue;
    rows.push({ ...row, cells });
  }
  return { ...matrix, projects: matrix.projects.filter((_, i) => keep[i]), rows };
}

/** Every role code in the matrix (org roles first as they appear, then project roles), for a filter pick list. */
export function roleCodesIn(matrix: AccessMatrix): string[] {
  const codes = new Set<string>();
  for (const row of matrix.rows) if (row.orgRole) codes.add(row.orgRole);
  for (const row of matrix.rows) for (const cell of row.cells) if (cell) codes.add(cell);
  return [...codes];
}

export interface Membership {
  project: Project;
  role: string;
}

/** One user's access: the org role plus the role in every project that could be read. */
export interface UserAccess {
  user: MemberInfo;
  orgRole?: string;
  memberships: Membership[];
  /** Projects read where the user is not a member. */
  notMemberOf: number;
  unreadable: MatrixProject[];
  includeArchived: boolean;
  finishedAt: number;
}

/** `user` is GetUser's answer: its role is the organization role. */
export function accessOfUser(scan: ProjectScan, user: User): UserAccess {
  const memberships: Membership[] = [];
  const unreadable: MatrixProject[] = [];
  let notMemberOf = 0;
  for (const p of scan.projects) {
    if (p.status !== 'ok') {
      unreadable.push({ project: p.project, status: p.status, ...(p.problem ? { problem: p.problem } : {}) });
      continue;
    }
    const role = p.members.get(user.name);
    if (role === undefined) notMemberOf++;
    else memberships.push({ project: p.project, role });
  }
  return {
    user: { name: user.name, ...(user.nickname !== undefined ? { nickname: user.nickname } : {}), email: user.email, active: user.active },
    ...(user.role?.code ? { orgRole: user.role.code } : {}),
    memberships,
    notMemberOf,
    unreadable,
    includeArchived: scan.includeArchived,
    finishedAt: scan.finishedAt,
  };
}
