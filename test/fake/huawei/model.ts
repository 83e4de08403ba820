/** In-memory model of one Huawei Cloud account as the fake serves it. */
export interface Privilege {
  role_id: string;
  role_name: string;
  role_chinese_name: string;
  project_id: string;
  area_service_id: string;
  granted_object_path: string;
  granted_object_type_id: string;
  operations: string;
  operations_index: number[] | null;
}

/** RepositoryBasicDo (camelCase on the wire). */
export interface Repository {
  id: string;
  name: string; // the repo_id
  repositoryName: string;
  displayName: string;
  description: string;
  status: 'active' | 'delete' | 'disabled' | 'view' | 'trash';
  domainId: string;
  region: string;
  projectId: string;
  createdTime: string;
  modifiedTime: string;
  createdUserId: string;
  createdUserName: string;
  modifiedUserId: string;
  modifiedUserName: string;
  disable: boolean;
  format: string;
  packageType: string;
  repoType: 'hosted' | 'remote' | 'virtual';
  shareRight: string;
  url: string;
  storageSummaryInfo: { filesCount: number; usedSpace: string };
}

export interface ProjectMember {
  user_id: string;
  domain_id: string;
  user_name: string;
  role_id: string;
  role_name: string;
}

export interface AccessKey {
  sk: string;
  /** Temporary AK/SK: requests must carry (and sign) X-Security-Token with this value. */
  securityToken?: string;
}

export interface HuaweiData {
  domain: { id: string; name: string };
  iamUser: { id: string; name: string; password: string };
  /** IAM region projects: name = region id. */
  iamProjects: { id: string; name: string }[];
  accessKeys: Map<string, AccessKey>;
  /** CodeArts projects the account can see. Others are "no permission". */
  codeartsProjects: string[];
  repositories: Repository[];
  /** repo_id → result map of ShowRepositoryRolesPrivilege. */
  privileges: Map<string, Record<string, Privilege[]>>;
  /** repo_id → response text served as-is (the documented example). */
  verbatimPrivileges: Map<string, string>;
  /** CodeArts project id → members. */
  members: Map<string, ProjectMember[]>;
}
