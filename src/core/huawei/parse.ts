/**
 * Tolerant readers for the CloudArtifact v5 `result` payloads (docs/protocol.md). Return undefined when the shape is wrong.
 * The SDK models mark `result`, `repositories` and `list` omitempty: absent (or null) means an empty list.
 */
import { isRecord } from '../json';
import type { Privilege, ProjectUser, Repository, RepositoryPrivileges, RolePrivileges } from './model';

/** `{status, trace_id, result: {<role>: Privilege[]}}`; roles in server key order. */
export function readRepositoryPrivileges(json: unknown, requestId: string | undefined): RepositoryPrivileges | undefined {
  if (!isRecord(json)) return undefined;
  const result = orEmpty(json.result, {});
  if (!isRecord(result)) return undefined;
  const roles: RolePrivileges[] = Object.entries(result).map(([key, list]) => {
    const privileges = (Array.isArray(list) ? list : []).filter(isRecord).map(readPrivilege);
    const first = (pick: (p: Privilege) => string | undefined): string => privileges.map(pick).find((s) => s?.trim()) ?? '';
    const roleName = first((p) => p.role_name);
    const roleChineseName = first((p) => p.role_chinese_name);
    return {
      key,
      roleId: first((p) => p.role_id) || undefined,
      roleName: roleName || roleChineseName || key,
      roleChineseName: roleChineseName || roleName || key,
      privileges,
    };
  });
  return { traceId: str(json.trace_id) || str(json.traceId), requestId, roles };
}

function readPrivilege(p: Record<string, unknown>): Privilege {
  const index = Array.isArray(p.operations_index) ? p.operations_index.filter((n): n is number => typeof n === 'number') : null;
  const operations = Array.isArray(p.operations) ? p.operations.map(str).join(',') : str(p.operations);
  const privilege: Privilege = {
    role_id: str(p.role_id),
    project_id: str(p.project_id),
    area_service_id: str(p.area_service_id),
    granted_object_path: str(p.granted_object_path),
    granted_object_type_id: str(p.granted_object_type_id),
    operations,
    operations_index: index,
  };
  if (typeof p.role_name === 'string') privilege.role_name = p.role_name;
  if (typeof p.role_chinese_name === 'string') privilege.role_chinese_name = p.role_chinese_name;
  return privilege;
}

/** `result = {total, repositories: [RepositoryBasicDo]}` (camelCase). */
export function readRepositories(json: unknown): { total: number; repositories: Repository[] } | undefined {
  const result = isRecord(json) ? orEmpty(json.result, {}) : undefined;
  const list = isRecord(result) ? orEmpty(result.repositories, []) : undefined;
  if (!isRecord(result) || !Array.isArray(list)) return undefined;
  const repositories = list.filter(isRecord).map((r): Repository => {
    const repo: Repository = {
      id: str(r.id),
      name: str(r.name),
      repositoryName: str(r.repositoryName) || str(r.name),
      projectId: str(r.projectId),
    };
    for (const key of ['displayName', 'description', 'format', 'repoType', 'status', 'url'] as const) {
      const value = str(r[key]);
      if (value) repo[key] = value;
    }
    return repo;
  });
  return { total: count(result.total, repositories.length), repositories };
}

/** `result = {total, list: [RepoUserPrivilegeV5]}` (snake_case). */
export function readProjectUsers(json: unknown): { total: number; users: ProjectUser[] } | undefined {
  const result = isRecord(json) ? orEmpty(json.result, {}) : undefined;
  const list = isRecord(result) ? orEmpty(result.list, []) : undefined;
  if (!isRecord(result) || !Array.isArray(list)) return undefined;
  const users = list.filter(isRecord).map((u): ProjectUser => ({
    userId: str(u.user_id),
    userName: str(u.user_name),
    roleId: str(u.role_id),
    roleName: str(u.role_name),
    privilege: str(u.privilege),
    repoId: str(u.repo_id),
  }));
  return { total: count(result.total, users.length), users };
}

function orEmpty(v: unknown, empty: unknown): unknown {
  return v === undefined || v === null ? empty : v;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function count(v: unknown, fallback: number): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}
