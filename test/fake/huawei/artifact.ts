import { FakeReply, FakeRequest } from '../http';
import { HuaweiError, Language, huaweiJson, newTraceId, v5Error } from './errors';
import { HuaweiData, Privilege, Repository } from './model';

const PROJECT_ID = /^[a-z0-9]{32}$/;
const TENANT_ID = /^[A-Za-z0-9]{8,32}$/;
const REPO_TYPES = ['hosted', 'local', 'virtual', 'remote', 'proxy'];

export interface ArtifactEnv {
  data: HuaweiData;
  nowMs: number;
  lang: Language;
  requestId: string;
  /**
   * Paging fault for list calls (faults.ts): 'repeat-page-token' serves page 1 whatever page_no asks for;
   * 'empty-page-with-token' serves no items but the real total, as if more were to come.
   */
  pageFault?: 'repeat-page-token' | 'empty-page-with-token';
}

/** Operations whose answers are pages (the fake applies paging faults to these only). */
export const HUAWEI_LIST_OPERATIONS: ReadonlySet<string> = new Set(['ListAllRepositories', 'ListProjectUsers']);

/** The SDK models mark `result`, `repositories` and `list` omitempty: an empty one is left out, as the service does. */
function success(env: ArtifactEnv, result: Record<string, unknown>): FakeReply {
  const kept = Object.entries(result).filter(([k, v]) => !((k === 'repositories' || k === 'list') && Array.isArray(v) && v.length === 0));
  const body = Object.keys(result).length === 0 ? {} : { result: Object.fromEntries(kept) };
  return huaweiJson(200, { status: 'success', trace_id: newTraceId(env.nowMs), ...body }, env.requestId);
}

function badParameter(env: ArtifactEnv, detail: string): HuaweiError {
  return v5Error('CR.4000', env.lang, detail);
}

/** Format check (400), then "no permission on this project" (403 CR.4102) for projects the account cannot see. */
function checkProject(projectId: string, env: ArtifactEnv): void {
  if (!PROJECT_ID.test(projectId)) throw badParameter(env, 'project_id must be 32 lowercase letters or digits');
  if (!env.data.codeartsProjects.includes(projectId)) throw v5Error('CR.4102', env.lang);
}

/** Unknown repo → 404 (invented CR.4004); a repo of another project → 403 CR.4102. */
function findRepository(projectId: string, repoId: string, env: ArtifactEnv): Repository {
  const repo = env.data.repositories.find((r) => r.name === repoId);
  if (!repo) throw v5Error('CR.4004', env.lang, repoId);
  if (repo.projectId !== projectId) throw v5Error('CR.4102', env.lang);
  return repo;
}

/** GET /cloudartifact/v5/repositories/{project_id}/{repo_id}/privileges */
export function showRepositoryRolesPrivilege(projectId: string, repoId: string, env: ArtifactEnv): FakeReply {
  checkProject(projectId, env);
  findRepository(projectId, repoId, env);
  const verbatim = env.data.verbatimPrivileges.get(repoId);
  if (verbatim !== undefined) return { ...huaweiJson(200, null, env.requestId), body: verbatim };
  return success(env, env.data.privileges.get(repoId) ?? {});
}

interface Paging {
  pageNo: number;
  pageSize: number;
}

/** page_no ≥ 1 (default 1), page_size 1..100 (default 10); anything else is a 400. */
function readPaging(req: FakeRequest, env: ArtifactEnv): Paging {
  const read = (name: string, fallback: number, max: number): number => {
    const raw = req.query.get(name);
    if (raw === null) return fallback;
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(value >= 1 && value <= max)) throw badParameter(env, `${name} must be an integer between 1 and ${max}`);
    return value;
  };
  return { pageNo: read('page_no', 1, 1_000_000), pageSize: read('page_size', 10, 100) };
}

function readBoolean(req: FakeRequest, name: string, env: ArtifactEnv): boolean | undefined {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw !== 'true' && raw !== 'false') throw badParameter(env, `${name} must be true or false`);
  return raw === 'true';
}

function pageOf<T>(items: T[], paging: Paging, fault?: ArtifactEnv['pageFault']): T[] {
  if (fault === 'empty-page-with-token') return [];
  const start = ((fault === 'repeat-page-token' ? 1 : paging.pageNo) - 1) * paging.pageSize;
  return items.slice(start, start + paging.pageSize);
}

/** GET /cloudartifact/v5/{tenant_id}/{project_id}/repositories (ListAllRepositories). */
export function listAllRepositories(tenantId: string, projectId: string, req: FakeRequest, env: ArtifactEnv): FakeReply {
  if (!TENANT_ID.test(tenantId)) throw badParameter(env, 'tenant_id must be 8-32 letters or digits');
  checkProject(projectId, env);
  if (tenantId !== env.data.domain.id) throw v5Error('CR.4102', env.lang);
  const paging = readPaging(req, env);
  const qname = req.query.get('qname') ?? '';
  if (qname.length > 50) throw badParameter(env, 'qname must be at most 50 characters');
  const types = listParam(req, 'type');
  if (types.some((t) => !REPO_TYPES.includes(t))) throw badParameter(env, `type must be among ${REPO_TYPES.join(',')}`);
  const format = req.query.get('format') ?? '';
  const formats = listParam(req, 'format_list');
  const recycleBin = readBoolean(req, 'is_recycle_bin', env) ?? false;
  const needPaging = readBoolean(req, 'is_need_paging', env) ?? true;

  const matching = env.data.repositories.filter(
    (r) =>
      r.projectId === projectId &&
      (r.status === 'trash') === recycleBin &&
      (qname === '' || r.repositoryName.toLowerCase().includes(qname.toLowerCase())) &&
      (types.length === 0 || types.includes(r.repoType)) &&
      (format === '' || r.format === format) &&
      (formats.length === 0 || formats.includes(r.format)),
  );
  const repositories = needPaging ? pageOf(matching, paging, env.pageFault) : matching;
  return success(env, { total: matching.length, repositories });
}

function listParam(req: FakeRequest, name: string): string[] {
  return (req.query.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** GET /cloudartifact/v5/projects/{project_id}/users?repo_id=… (ListProjectUsers). */
export function listProjectUsers(projectId: string, req: FakeRequest, env: ArtifactEnv): FakeReply {
  checkProject(projectId, env);
  const repoId = req.query.get('repo_id');
  if (!repoId) throw badParameter(env, 'repo_id is required');
  findRepository(projectId, repoId, env);
  const paging = readPaging(req, env);
  const privileges = env.data.privileges.get(repoId) ?? {};
  const list = (env.data.members.get(projectId) ?? []).map((m) => ({
    user_id: m.user_id,
    domain_id: m.domain_id,
    user_name: m.user_name,
    repo_id: repoId,
    privilege: operationsOfRole(privileges, m.role_name),
    role_id: m.role_id,
    role_name: m.role_name,
  }));
  return success(env, { total: list.length, list: pageOf(list, paging, env.pageFault) });
}

function operationsOfRole(privileges: Record<string, Privilege[]>, roleName: string): string {
  const ops = new Set<string>();
  for (const entry of privileges[roleName] ?? []) {
    for (const op of entry.operations.split(',')) if (op.trim()) ops.add(op.trim());
  }
  return [...ops].join(',');
}
