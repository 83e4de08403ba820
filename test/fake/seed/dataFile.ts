import { readFileSync } from 'node:fs';
import { CosceneData, FakeProject, FakeUser, indexCosceneData } from '../coscene/model';
import { UUID_PATTERN } from './random';

/**
 * Shape of `--data f.json` / `dataFile`: additions to the generated coScene seed (the fixed identities of
 * FAKE_COSCENE always stay, so their tokens keep working). Example:
 * {
 *   "coscene": {
 *     "replaceSeedUsers": true,            // drop the generated users (fixed ones stay)
 *     "projects": [{ "id": "<uuid>", "slug": "demo", "displayName": "Demo", "archived": false, "private": false }],
 *     "users": [{ "id": "<uuid>", "nickname": "小明", "email": "xm@example.com", "orgRole": "ORGANIZATION_WRITER",
 *                 "createTime": "2025-05-01T00:00:00Z", "active": true, "apiKey": "my-key", "projects": { "demo": "PROJECT_ADMIN" } }]
 *   }
 * }
 */
export interface FakeDataFile {
  coscene?: {
    replaceSeedUsers?: boolean;
    projects?: {
      id: string;
      slug: string;
      displayName?: string;
      description?: string;
      createTime?: string;
      archived?: boolean;
      private?: boolean;
    }[];
    users?: {
      id: string;
      nickname?: string;
      email?: string;
      phoneNumber?: string;
      active?: boolean;
      createTime: string;
      orgRole: string;
      apiKey?: string;
      projects?: Record<string, string>;
    }[];
  };
}

export function loadDataFile(path: string): FakeDataFile {
  return JSON.parse(readFileSync(path, 'utf8')) as FakeDataFile;
}

export function applyDataFile(seed: CosceneData, file: FakeDataFile, fixedUserIds: ReadonlySet<string>): CosceneData {
  const spec = file.coscene;
  if (!spec) return seed;
  const keptUsers = spec.replaceSeedUsers ? seed.users.filter((u) => fixedUserIds.has(u.id)) : seed.users;
  const keptIds = new Set(keptUsers.map((u) => u.id));
  const projects: FakeProject[] = seed.projects.map((p) => ({ ...p, members: new Map([...p.members].filter(([id]) => keptIds.has(id))) }));
  for (const p of spec.projects ?? []) {
    if (!UUID_PATTERN.test(p.id) || !p.slug) throw new Error(`data file: project needs a uuid id and a slug: ${JSON.stringify(p)}`);
    projects.push({
      id: p.id,
      slug: p.slug,
      displayName: p.displayName ?? p.slug,
      description: p.description ?? '',
      createTimeMs: time(p.createTime ?? '2025-01-01T00:00:00Z'),
      archived: p.archived ?? false,
      visibility: p.private ? 'private' : 'internal',
      members: new Map(),
    });
  }
  const apiKeys = new Map(seed.apiKeys);
  const users: FakeUser[] = [...keptUsers];
  for (const u of spec.users ?? []) {
    if (!UUID_PATTERN.test(u.id)) throw new Error(`data file: user id must be a uuid: ${u.id}`);
    if (!seed.rolesByCode.has(u.orgRole)) throw new Error(`data file: unknown orgRole ${u.orgRole}`);
    users.push({
      id: u.id,
      nickname: u.nickname,
      email: u.email ?? '',
      phoneNumber: u.phoneNumber ?? '',
      active: u.active ?? true,
      createTimeMs: time(u.createTime),
      orgRoleCode: u.orgRole,
    });
    if (u.apiKey) apiKeys.set(u.apiKey, u.id);
    for (const [slug, role] of Object.entries(u.projects ?? {})) {
      const project = projects.find((p) => p.slug === slug);
      if (!project) throw new Error(`data file: user ${u.id} refers to unknown project ${slug}`);
      project.members.set(u.id, role);
    }
  }
  return indexCosceneData({ ...seed, users, projects, apiKeys });
}

function time(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`data file: bad timestamp ${value}`);
  return ms;
}
