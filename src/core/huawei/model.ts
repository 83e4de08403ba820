/** CodeArts Artifact / IAM data as the core hands it around. Wire facts: docs/protocol.md. */
export type HuaweiLanguage = 'zh-cn' | 'en-us';

/** One entry of a role's list in ShowRepositoryRolesPrivilege (snake_case as on the wire). */
export interface Privilege {
  role_id: string;
  role_name?: string;
  role_chinese_name?: string;
  project_id: string;
  area_service_id: string;
  granted_object_path: string;
  granted_object_type_id: string;
  operations: string;
  operations_index: number[] | null;
}

/** One key of the result map, in server order. */
export interface RolePrivileges {
  /** The result map key (a grouping id; may be English or Chinese). */
  key: string;
  roleId?: string;
  roleName: string;
  roleChineseName: string;
  privileges: Privilege[];
}

export interface RepositoryPrivileges {
  traceId: string;
  requestId?: string;
  roles: RolePrivileges[];
}

/** RepositoryBasicDo (camelCase on the wire); `name` is the repo id used in paths. */
export interface Repository {
  id: string;
  name: string;
  repositoryName: string;
  displayName?: string;
  description?: string;
  projectId: string;
  format?: string;
  repoType?: string;
  status?: string;
  url?: string;
}

/** RepoUserPrivilegeV5. */
export interface ProjectUser {
  userId: string;
  userName: string;
  roleId: string;
  roleName: string;
  privilege: string;
  repoId: string;
}

export interface IamToken {
  token: string;
  /** ISO 8601 */
  expiresAt: string;
  /** IAM project id of the region (token.project.id) */
  projectId: string;
  /** account (domain / tenant) id */
  domainId: string;
  userName: string;
}

export type HuaweiCredentials =
  | { kind: 'token'; region: string; token: IamToken }
  | { kind: 'aksk'; region: string; ak: string; sk: string; securityToken?: string; projectId?: string; domainId?: string };

export interface ListRepositoriesQuery {
  tenantId: string;
  /** CodeArts project id, 32 chars [a-z0-9] */
  projectId: string;
  pageNo: number;
  pageSize: number;
  qname?: string;
}

export interface ArtifactApi {
  listRepositories(q: ListRepositoriesQuery, signal?: AbortSignal): Promise<{ total: number; repositories: Repository[] }>;
  getRepositoryPrivileges(projectId: string, repoId: string, signal?: AbortSignal): Promise<RepositoryPrivileges>;
  listProjectUsers(
    projectId: string,
    repoId: string,
    pageNo: number,
    pageSize: number,
    signal?: AbortSignal,
  ): Promise<{ total: number; users: ProjectUser[] }>;
}

export interface IamApi {
  /** POST /v3/auth/tokens (password, project scope = region). */
  passwordToken(input: { userName: string; password: string; domainName: string; region: string }, signal?: AbortSignal): Promise<IamToken>;
  /** GET /v3/projects?name=<region>, signed with AK/SK: the region's IAM project id. */
  resolveProjectId(credentials: Extract<HuaweiCredentials, { kind: 'aksk' }>, signal?: AbortSignal): Promise<string>;
}
