import type { Role, User } from '../../../../src/core/coscene/model';

export const ORG_ADMIN: Role = {
  name: 'roles/1f2e3d4c-0000-4000-8000-000000000001',
  displayName: 'Organization Admin',
  code: 'ORGANIZATION_ADMIN',
  level: 'organization',
};
export const ORG_READER: Role = {
  name: 'roles/1f2e3d4c-0000-4000-8000-000000000003',
  displayName: 'Organization Reader',
  code: 'ORGANIZATION_READER',
  level: 'organization',
};
export const PROJECT_WRITER: Role = {
  name: 'roles/1f2e3d4c-0000-4000-8000-000000000006',
  displayName: 'Project Writer',
  code: 'PROJECT_WRITER',
  level: 'project',
};
export const PROJECT_ADMIN: Role = {
  name: 'roles/1f2e3d4c-0000-4000-8000-000000000005',
  displayName: 'Project Admin',
  code: 'PROJECT_ADMIN',
  level: 'project',
};

/** The two users of the contract's §10.2 default-view sample. */
export const ALICE: User = {
  name: 'users/0b6f4c1e-2d7a-4c39-9f3e-5a1d2b3c4d5e',
  nickname: 'Alice',
  email: 'alice@example.com',
  phoneNumber: '+8613800000000',
  role: ORG_ADMIN,
  active: true,
  createTime: '2025-03-01T08:00:00Z',
};

export const BOB: User = {
  name: 'users/7c9e2f10-8b3d-4e6a-a1b2-c3d4e5f60718',
  nickname: 'Bob',
  email: 'bob@example.com',
  phoneNumber: '',
  role: ORG_READER,
  active: false,
  createTime: '2025-03-02T23:30:00.120Z',
};
