import { errorFromResponse } from '../../../../src/core/coscene/apiErrors';
import type { CosceneApi, ListProjectsRequest, ListUsersRequest, Page, Project, SkipPage, User } from '../../../../src/core/coscene/model';

export interface MemoryProject {
  project: Project;
  /** user name → project role code */
  members: [string, string][];
}

export type Fault = Error | undefined;

/**
 * An in-memory API for the access scan: offset-paged projects, token-paged members (token = offset), an optional
 * delay per call, faults chosen per call, and the peak number of calls in flight.
 */
export function memoryApi(
  projects: MemoryProject[],
  users: User[],
  opts: { delayMs?: number; fault?: (req: { method: string; parent?: string; call: number }) => Fault } = {},
) {
  let inFlight = 0;
  let calls = 0;
  const stats = { peak: 0, calls: 0, byMethod: new Map<string, number>() };
  const usersByName = new Map(users.map((u) => [u.name, u]));
  async function around<T>(method: string, parent: string | undefined, signal: AbortSignal | undefined, body: () => T): Promise<T> {
    inFlight++;
    stats.peak = Math.max(stats.peak, inFlight);
    stats.calls = ++calls;
    stats.byMethod.set(method, (stats.byMethod.get(method) ?? 0) + 1);
    try {
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      signal?.throwIfAborted();
      const fault = opts.fault?.({ method, parent, call: calls });
      if (fault) throw fault;
      return body();
    } finally {
      inFlight--;
    }
  }
  const api: Pick<CosceneApi, 'listProjects' | 'listUsers' | 'getUser'> = {
    listProjects: (req: ListProjectsRequest, signal) =>
      around('ListProjects', undefined, signal, (): SkipPage<Project> => {
        const visible = projects.map((p) => p.project).filter((p) => req.filter !== 'is_archived="false"' || !p.archived);
        const skip = req.skip ?? 0;
        return { items: visible.slice(skip, skip + (req.pageSize ?? 100)), totalSize: visible.length };
      }),
    listUsers: (req: ListUsersRequest, signal) =>
      around('ListUsers', req.parent, signal, (): Page<User> => {
        const offset = req.pageToken ? Number(req.pageToken) : 0;
        const size = req.pageSize ?? 100;
        const scoped = req.parent
          ? (projects.find((p) => p.project.name === req.parent)?.members ?? []).map(([name, code]) => ({
              ...(usersByName.get(name) as User),
              role: { name: `roles/${code}`, displayName: code, code, level: 'project' },
            }))
          : users;
        const items = scoped.slice(offset, offset + size);
        return { items, nextPageToken: offset + size < scoped.length ? String(offset + size) : '', totalSize: scoped.length };
      }),
    getUser: (name: string, signal) =>
      around('GetUser', undefined, signal, () => {
        const user = usersByName.get(name);
        if (!user) throw connectError(404, 'not_found', `user not found: ${name}`);
        return user;
      }),
  };
  return { api, stats };
}

export function connectError(status: number, code: string, message: string, retryAfterMs?: number) {
  return errorFromResponse(status, JSON.stringify({ code, message }), {
    procedure: 'UserService/ListUsers',
    profileName: 'test',
    origin: 'https://openapi.example.com',
    retryAfterMs,
  });
}

export function user(i: number, orgRole = 'ORGANIZATION_READER'): User {
  return {
    name: `users/00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    nickname: i % 2 ? `用户${i}` : `User ${i}`,
    email: `u${i}@example.com`,
    phoneNumber: '',
    active: true,
    role: { name: `roles/${orgRole}`, displayName: orgRole, code: orgRole, level: 'organization' },
  };
}

export function project(i: number, archived = false): Project {
  return { name: `projects/p-${i}`, slug: `proj-${i}`, displayName: `项目 ${i}`, description: '', archived };
}

/** `count` projects, each with `members` users from a window moving over `users` (roles cycle). */
export function generated(count: number, members: number, users: User[]): MemoryProject[] {
  const roles = ['PROJECT_ADMIN', 'PROJECT_WRITER', 'PROJECT_READER'];
  return Array.from({ length: count }, (_, i) => ({
    project: project(i),
    members: Array.from({ length: members }, (_, j): [string, string] => [
      users[(i * 7 + j) % users.length].name,
      roles[(i + j) % roles.length],
    ]),
  }));
}
