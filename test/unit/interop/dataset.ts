/** The organisation the interop server serves: enough users for several pages, and every optional field both ways. */
export interface InteropRole {
  id: string;
  displayName: string;
  code: string;
  level: 'organization' | 'project';
}
export interface InteropUser {
  id: string;
  nickname?: string;
  email: string;
  phoneNumber: string;
  orgRole: string;
  projectRole?: string;
  active: boolean;
  createTimeMs?: number;
}

export const API_KEY = 'interop-api-key-7f3a9c21';
export const ORGANIZATION = { id: '2491a0c4-5b6d-4e7f-8a9b-0c1d2e3f4a5b', slug: 'interop-lark', displayName: 'Interop Lark 组织' };
export const PROJECT = { id: '3f09b8b5-3b31-436e-9232-0a8ffbc298da', slug: 'mcap', displayName: 'MCAP samples', description: '' };

const ROLE_CODES: [string, InteropRole['level'], string][] = [
  ['ORGANIZATION_ADMIN', 'organization', 'Organization Admin'],
  ['ORGANIZATION_WRITER', 'organization', '组织成员'],
  ['ORGANIZATION_READER', 'organization', 'Organization Reader'],
  ['PROJECT_ADMIN', 'project', 'Project Admin'],
  ['PROJECT_WRITER', 'project', 'Project Writer'],
  ['PROJECT_READER', 'project', '只读'],
];
export const ROLES: InteropRole[] = ROLE_CODES.map(([code, level, displayName], i) => ({
  id: `1f2e3d4c-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  code,
  level,
  displayName,
}));
export const ROLE_BY_CODE = new Map(ROLES.map((r) => [r.code, r]));

/** 230 users: three pages of 100, nicknames absent / empty / Chinese, inactive ones, one without a create time. */
export const USERS: InteropUser[] = Array.from({ length: 230 }, (_, i) => {
  const orgRoles = ['ORGANIZATION_ADMIN', 'ORGANIZATION_WRITER', 'ORGANIZATION_READER'];
  const projectRoles = ['PROJECT_ADMIN', 'PROJECT_WRITER', 'PROJECT_READER'];
  const nickname = i % 17 === 3 ? undefined : i % 19 === 5 ? '' : i % 7 === 0 ? `用户${i}` : `user-${i}`;
  return {
    id: `0b6f4c1e-2d7a-4c39-9f3e-${String(i).padStart(12, '0')}`,
    ...(nickname !== undefined ? { nickname } : {}),
    email: i % 23 === 4 ? '' : `user${i}@example.com`,
    phoneNumber: i % 3 === 0 ? `+86138${String(i).padStart(8, '0')}` : '',
    orgRole: orgRoles[i % 3],
    ...(i % 2 === 0 ? { projectRole: projectRoles[i % 3] } : {}),
    active: i % 5 !== 1,
    ...(i === 11 ? {} : { createTimeMs: Date.UTC(2025, 2, 1, 8) + i * 3_600_500 }),
  };
});

export const CURRENT_USER = USERS[0];
