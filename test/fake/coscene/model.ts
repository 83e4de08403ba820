/** In-memory model of one coScene organization, as the fake serves it. */
export type RoleLevel = 'organization' | 'project';

export interface FakeRole {
  id: string; // uuid; resource name roles/<id>
  code: string;
  displayName: string;
  level: RoleLevel;
}

export interface FakeUser {
  id: string; // uuid; resource name users/<id>
  /** undefined = not set (omitted on the wire); '' = set but empty (sent as ""). */
  nickname?: string;
  email: string;
  phoneNumber: string;
  active: boolean;
  createTimeMs: number;
  orgRoleCode: string;
}

/** `private`: only its members see it (GetProject/ListUsers answer permission_denied to others, ListProjects skips it). */
export type FakeVisibility = 'internal' | 'private';

export interface FakeProject {
  id: string;
  slug: string;
  displayName: string;
  description: string;
  createTimeMs: number;
  archived: boolean;
  visibility: FakeVisibility;
  /** user id → project role code */
  members: Map<string, string>;
}

export interface FakeOrganization {
  id: string;
  slug: string;
  displayName: string;
  createTimeMs: number;
}

export interface CosceneData {
  organization: FakeOrganization;
  /** Sorted by createTime, then resource name (the order every list uses). */
  users: FakeUser[];
  usersById: Map<string, FakeUser>;
  roles: FakeRole[];
  rolesByCode: Map<string, FakeRole>;
  /** Sorted by createTime, then id (ListProjects' order). */
  projects: FakeProject[];
  /** API key → user id */
  apiKeys: Map<string, string>;
  /** HMAC secret the fake signs and checks Bearer JWTs with. */
  jwtSecret: string;
}

export function compareUsers(a: FakeUser, b: FakeUser): number {
  if (a.createTimeMs !== b.createTimeMs) return a.createTimeMs - b.createTimeMs;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function compareProjects(a: FakeProject, b: FakeProject): number {
  if (a.createTimeMs !== b.createTimeMs) return a.createTimeMs - b.createTimeMs;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function indexCosceneData(data: Omit<CosceneData, 'usersById' | 'rolesByCode'>): CosceneData {
  const users = [...data.users].sort(compareUsers);
  return {
    ...data,
    users,
    projects: [...data.projects].sort(compareProjects),
    usersById: new Map(users.map((u) => [u.id, u])),
    rolesByCode: new Map(data.roles.map((r) => [r.code, r])),
  };
}
