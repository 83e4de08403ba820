/** coScene OpenAPI resources as the core hands them around (protojson defaults filled in). */
export type RoleLevel = 'organization' | 'project';

export interface Role {
  name: string; // roles/<id>
  displayName: string;
  code: string;
  level: string; // 'organization' | 'project' on the wire; kept as string for unknown values
}

export interface User {
  name: string; // users/<uuid>
  nickname?: string; // optional on the wire: present even when empty
  email: string;
  phoneNumber: string;
  role?: Role;
  active: boolean;
  createTime?: string; // RFC 3339 UTC as sent
}

export interface Organization {
  name: string;
  slug: string;
  displayName: string;
}

export interface Project {
  name: string; // projects/<uuid>
  slug: string;
  displayName: string;
  /** Optional on the wire; '' when not sent. */
  description: string;
  /** Wire name unconfirmed: see PROJECT_PROTOCOL in projects.ts. */
  archived: boolean;
}

export interface BasicCredential {
  username: string;
  password: string;
}

export interface Page<T> {
  items: T[];
  nextPageToken: string;
  /** Server's totalSize when sent (int64 as string or number on the wire). */
  totalSize?: number;
}

export interface ListUsersRequest {
  /** '' = organization scope; 'projects/<uuid>' = that project. */
  parent?: string;
  pageSize?: number;
  pageToken?: string;
  /** e.g. role.code="PROJECT_WRITER" or nickname="ali" */
  filter?: string;
}

/** ListProjects pages by offset (`skip`), not by page token (see projects.ts). */
export interface ListProjectsRequest {
  pageSize?: number;
  skip?: number;
  /** e.g. is_archived="false" */
  filter?: string;
}

/** A page of an offset-paged list: an empty page is the end. */
export interface SkipPage<T> {
  items: T[];
  totalSize?: number;
}

export interface ListRolesRequest {
  pageSize?: number;
  pageToken?: string;
  /** e.g. level="project" */
  filter?: string;
}

/** The typed calls over the transport (implemented in api.ts). `signal` cancels. */
export interface CosceneApi {
  getOrganization(signal?: AbortSignal): Promise<Organization>;
  getProject(nameOrSlug: string, signal?: AbortSignal): Promise<Project>;
  listProjects(req: ListProjectsRequest, signal?: AbortSignal): Promise<SkipPage<Project>>;
  listUsers(req: ListUsersRequest, signal?: AbortSignal): Promise<Page<User>>;
  getUser(name: string, signal?: AbortSignal): Promise<User>;
  batchGetUsers(names: string[], signal?: AbortSignal): Promise<User[]>;
  listRoles(req: ListRolesRequest, signal?: AbortSignal): Promise<Page<Role>>;
  createBasicCredential(signal?: AbortSignal): Promise<BasicCredential>;
}
