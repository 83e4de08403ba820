import { CosceneData, FakeProject, FakeRole, FakeUser, indexCosceneData } from '../coscene/model';
import { mintJwt } from '../coscene/jwt';
import { SeededRandom } from './random';

const JWT_SECRET = 'fake-coscene-jwt-secret';

/** Fixed identities tests and demos rely on; present whatever seedUsers is. */
const FIXED = {
  admin: { id: '0b6f4c1e-2d7a-4c39-9f3e-5a1d2b3c4d5e', key: 'a1d0c05ce4e0000000000000000000a1' },
  reader: { id: '7c9e2f10-8b3d-4e6a-a1b2-c3d4e5f60718', key: 'e4d0c05ce4e0000000000000000000e4' },
  writer: { id: '5d2a8c71-3e4f-4a6b-8c9d-0e1f2a3b4c5d', key: 'b2d0c05ce4e0000000000000000000b2' },
  device: { id: '9e8d7c6b-5a49-4382-9716-a5b4c3d2e1f0', key: 'd3d0c05ce4e0000000000000000000d3' },
  inactive: { id: '1a2b3c4d-5e6f-4789-8abc-def012345678', key: 'f5d0c05ce4e0000000000000000000f5' },
  quoted: { id: '2b3c4d5e-6f70-4891-9bcd-ef0123456789' },
} as const;

/** Users that exist in every seed (a data file cannot remove them). */
export const FIXED_USER_IDS: ReadonlySet<string> = new Set(Object.values(FIXED).map((f) => f.id));

const PROJECT_IDS = {
  mcap: '3f09b8b5-3b31-436e-9232-0a8ffbc298da',
  lidarTests: '9a0c2d4e-1111-4222-8333-444455556666',
  perception: 'c4a1e2b3-7d6f-4e58-9a0b-1c2d3e4f5a6b',
  archive: 'e7f8a9b0-c1d2-4e3f-8a4b-5c6d7e8f9a0b',
  fleetOps: '6b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f',
  legacyCalib: 'a2b3c4d5-e6f7-4819-8a2b-3c4d5e6f7a8b',
  secretOps: 'd9e8f7a6-b5c4-4d3e-9f2a-1b0c9d8e7f6a',
} as const;

/** Credentials and ids for tests. Keys are fake and only valid against this server. */
export const FAKE_COSCENE = {
  orgSlug: 'coscene-lark',
  orgName: 'organizations/2491a0c4-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  /** ORGANIZATION_ADMIN "Alice Chen" (Basic apikey). */
  adminToken: FIXED.admin.key,
  adminUserName: `users/${FIXED.admin.id}`,
  /** ORGANIZATION_READER "李娜": known key, no admin/writer role → 403 on org ListUsers. Member of mcap only. */
  readerToken: FIXED.reader.key,
  readerUserName: `users/${FIXED.reader.id}`,
  /** ORGANIZATION_WRITER "王强". */
  writerToken: FIXED.writer.key,
  writerUserName: `users/${FIXED.writer.id}`,
  /** ORGANIZATION_DEVICE "robot-arm-07" (no email, no nickname-less edge). */
  deviceToken: FIXED.device.key,
  /** Known key of an inactive user → 401. */
  inactiveToken: FIXED.inactive.key,
  /** 3-part HS256 JWT for "王强" (ORGANIZATION_WRITER), sent as Bearer; expires in 2100. */
  jwtToken: mintJwt(JWT_SECRET, `users/${FIXED.writer.id}`, 4102444800),
  /** Same user, expired 2024-01-01 → 401. */
  expiredToken: mintJwt(JWT_SECRET, `users/${FIXED.writer.id}`, 1704067200),
  /** A user whose nickname holds a double quote and a backslash (filter escaping). */
  quotedNickname: 'Eve "Q" Back\\slash',
  /** Every seeded project, in ListProjects order (createTime). */
  projectSlugs: ['mcap', 'lidar-tests', 'perception', 'archive-2024', 'legacy-calib', 'fleet-ops', 'secret-ops'] as const,
  projectIds: {
    mcap: PROJECT_IDS.mcap,
    'lidar-tests': PROJECT_IDS.lidarTests,
    perception: PROJECT_IDS.perception,
    'archive-2024': PROJECT_IDS.archive,
    'legacy-calib': PROJECT_IDS.legacyCalib,
    'fleet-ops': PROJECT_IDS.fleetOps,
    'secret-ops': PROJECT_IDS.secretOps,
  },
  /** Archived: ListProjects leaves them out unless asked with an empty filter. */
  archivedProjectSlugs: ['archive-2024', 'legacy-calib'] as const,
  /** Private, and neither the admin nor the reader is a member: only 王强 (writer) and a few others see it. */
  hiddenProjectSlug: 'secret-ops',
  /**
   * Users in several projects with different roles (non-archived, visible to the admin):
   * 王强 (writer): mcap PROJECT_WRITER, perception PROJECT_WRITER, fleet-ops PROJECT_ADMIN (+ secret-ops PROJECT_ADMIN,
   * legacy-calib PROJECT_READER); 李娜 (reader): mcap PROJECT_READER, fleet-ops PROJECT_WRITER.
   */
  defaultSeedUsers: 320,
} as const;

/** Mint a Bearer JWT the fake accepts (for tests of expiry etc.). */
export function mintCosceneJwt(userName: string, expSeconds: number): string {
  return mintJwt(JWT_SECRET, userName, expSeconds);
}

const ROLE_DEFS: [string, string, 'organization' | 'project'][] = [
  ['ORGANIZATION_ADMIN', 'Organization Admin', 'organization'],
  ['ORGANIZATION_WRITER', 'Organization Writer', 'organization'],
  ['ORGANIZATION_READER', 'Organization Reader', 'organization'],
  ['ORGANIZATION_DEVICE', 'Organization Device', 'organization'],
  ['PROJECT_ADMIN', 'Project Admin', 'project'],
  ['PROJECT_WRITER', 'Project Writer', 'project'],
  ['PROJECT_READER', 'Project Reader', 'project'],
  ['PROJECT_DEVICE', 'Project Device', 'project'],
  ['PROJECT_LABELER', 'Data Labeler', 'project'], // custom role: clients must cope with unknown codes
];

const CN_SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '高',
  '罗',
];
const CN_GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '宇轩',
  '子涵',
  '欣怡',
  '浩然',
  '思远',
];
const EN_FIRST = [
  'Alice',
  'Bob',
  'Carol',
  'David',
  'Emma',
  'Frank',
  'Grace',
  'Henry',
  'Ivy',
  'Jack',
  'Kevin',
  'Lily',
  'Mia',
  'Noah',
  'Olivia',
  'Peter',
  'Quinn',
  'Ryan',
  'Sophia',
  'Tom',
  'Victor',
  'Wendy',
  'Yuki',
  'Zoe',
];
const EN_LAST = ['Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Smith', 'Johnson', 'Lee', 'Brown', 'Garcia', 'Müller', 'Kim', 'Tanaka', 'Nguyen'];

const SPAN_START = Date.UTC(2024, 0, 1);
const SPAN_END = Date.UTC(2026, 5, 30);

/** Generated projects on top of the seed (benchmarks, large trees): `count` projects of `members` users each. */
export interface SeedProjects {
  count: number;
  members: number;
}

export function generateCosceneData(seedUsers: number = FAKE_COSCENE.defaultSeedUsers, seedProjects?: SeedProjects): CosceneData {
  const rnd = new SeededRandom(20240423);
  const fixedUsers = buildFixedUsers();
  const users: FakeUser[] = [...fixedUsers];
  let previousTime = SPAN_START;
  for (let i = users.length; i < seedUsers; i++) {
    const user = randomUser(rnd, i);
    // Every 17th user shares its predecessor's createTime, so ordering must fall back to the name.
    if (i % 17 === 0) user.createTimeMs = previousTime;
    previousTime = user.createTimeMs;
    users.push(user);
  }
  const roles: FakeRole[] = ROLE_DEFS.map(([code, displayName, level], i) => ({
    id: `1f2e3d4c-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    code,
    displayName,
    level,
  }));
  return indexCosceneData({
    organization: {
      id: FAKE_COSCENE.orgName.slice('organizations/'.length),
      slug: FAKE_COSCENE.orgSlug,
      displayName: 'coScene Lark 飞书组织',
      createTimeMs: Date.UTC(2024, 3, 23, 3, 17, 27, 526),
    },
    users,
    roles,
    projects: [...buildProjects(users, rnd), ...generatedProjects(users, seedProjects)],
    apiKeys: new Map<string, string>([
      [FIXED.admin.key, FIXED.admin.id],
      [FIXED.reader.key, FIXED.reader.id],
      [FIXED.writer.key, FIXED.writer.id],
      [FIXED.device.key, FIXED.device.id],
      [FIXED.inactive.key, FIXED.inactive.id],
    ]),
    jwtSecret: JWT_SECRET,
  });
}

function buildFixedUsers(): FakeUser[] {
  const t = (month: number, day: number) => Date.UTC(2024, month, day, 8, 0, 0);
  return [
    {
      id: FIXED.admin.id,
      nickname: 'Alice Chen',
      email: 'alice.chen@lark.example.com',
      phoneNumber: '+8613800000000',
      active: true,
      createTimeMs: t(0, 2),
      orgRoleCode: 'ORGANIZATION_ADMIN',
    },
    {
      id: FIXED.reader.id,
      nickname: '李娜',
      email: 'li.na@lark.example.com',
      phoneNumber: '+8613900000001',
      active: true,
      createTimeMs: t(0, 3),
      orgRoleCode: 'ORGANIZATION_READER',
    },
    {
      id: FIXED.writer.id,
      nickname: '王强',
      email: 'wang.qiang@lark.example.com',
      phoneNumber: '',
      active: true,
      createTimeMs: t(0, 4),
      orgRoleCode: 'ORGANIZATION_WRITER',
    },
    {
      id: FIXED.device.id,
      nickname: 'robot-arm-07',
      email: '',
      phoneNumber: '',
      active: true,
      createTimeMs: t(0, 5),
      orgRoleCode: 'ORGANIZATION_DEVICE',
    },
    {
      id: FIXED.inactive.id,
      nickname: 'Old Account',
      email: 'old.account@lark.example.com',
      phoneNumber: '',
      active: false,
      createTimeMs: t(0, 6),
      orgRoleCode: 'ORGANIZATION_WRITER',
    },
    {
      id: FIXED.quoted.id,
      nickname: FAKE_COSCENE.quotedNickname,
      email: 'eve@lark.example.com',
      phoneNumber: '',
      active: true,
      createTimeMs: t(0, 7),
      orgRoleCode: 'ORGANIZATION_READER',
    },
  ];
}

function randomUser(rnd: SeededRandom, index: number): FakeUser {
  const roll = rnd.next();
  const orgRoleCode =
    roll < 0.03 ? 'ORGANIZATION_ADMIN' : roll < 0.33 ? 'ORGANIZATION_WRITER' : roll < 0.88 ? 'ORGANIZATION_READER' : 'ORGANIZATION_DEVICE';
  const isDevice = orgRoleCode === 'ORGANIZATION_DEVICE';
  const chinese = rnd.chance(0.5);
  let nickname: string | undefined = isDevice
    ? `${rnd.pick(['robot', 'agv', 'drone', 'car'])}-${String(index).padStart(4, '0')}`
    : chinese
      ? rnd.pick(CN_SURNAMES) + rnd.pick(CN_GIVEN)
      : `${rnd.pick(EN_FIRST)} ${rnd.pick(EN_LAST)}`;
  const nicknameRoll = rnd.next();
  if (nicknameRoll < 0.06) nickname = undefined;
  else if (nicknameRoll < 0.07) nickname = '';
  const wholeSecond = rnd.chance(0.5);
  const ms = SPAN_START + Math.floor(rnd.next() * (SPAN_END - SPAN_START));
  return {
    id: rnd.uuid(),
    nickname,
    email: isDevice ? '' : `user${String(index).padStart(5, '0')}@lark.example.com`,
    phoneNumber: !isDevice && rnd.chance(0.6) ? `+86139${String(10000000 + index).slice(-8)}` : '',
    active: !rnd.chance(0.07),
    createTimeMs: wholeSecond ? ms - (ms % 1000) : ms,
    orgRoleCode,
  };
}

function buildProjects(users: FakeUser[], rnd: SeededRandom): FakeProject[] {
  const project = (
    id: string,
    slug: string,
    displayName: string,
    description: string,
    month: number,
    extra: Partial<FakeProject> = {},
  ): FakeProject => ({
    id,
    slug,
    displayName,
    description,
    createTimeMs: Date.UTC(2024, month, 10, 2, 30, 0),
    archived: false,
    visibility: 'internal',
    members: new Map(),
    ...extra,
  });
  const mcap = project(PROJECT_IDS.mcap, 'mcap', 'MCAP samples', 'Recorded MCAP bags from the test fleet', 1);
  const lidar = project(PROJECT_IDS.lidarTests, 'lidar-tests', 'LiDAR tests', '', 2);
  const perception = project(PROJECT_IDS.perception, 'perception', '感知算法', '感知算法评测数据', 3);
  const archive = project(PROJECT_IDS.archive, 'archive-2024', 'Archive 2024', 'No members left', 4, { archived: true });
  const legacy = project(PROJECT_IDS.legacyCalib, 'legacy-calib', '旧标定数据', '2023 年的相机标定', 5, { archived: true });
  const fleet = project(PROJECT_IDS.fleetOps, 'fleet-ops', '车队运营', '机器人车队的日常运营数据', 6);
  const secret = project(PROJECT_IDS.secretOps, 'secret-ops', '保密项目', 'Members only', 7, { visibility: 'private' });

  mcap.members.set(FIXED.admin.id, 'PROJECT_ADMIN');
  lidar.members.set(FIXED.admin.id, 'PROJECT_ADMIN');
  perception.members.set(FIXED.admin.id, 'PROJECT_ADMIN');
  mcap.members.set(FIXED.reader.id, 'PROJECT_READER');
  mcap.members.set(FIXED.writer.id, 'PROJECT_WRITER');
  perception.members.set(FIXED.writer.id, 'PROJECT_WRITER');
  lidar.members.set(FIXED.device.id, 'PROJECT_DEVICE');
  mcap.members.set(FIXED.quoted.id, 'PROJECT_READER');
  fleet.members.set(FIXED.writer.id, 'PROJECT_ADMIN');
  fleet.members.set(FIXED.reader.id, 'PROJECT_WRITER');
  fleet.members.set(FIXED.device.id, 'PROJECT_DEVICE');
  legacy.members.set(FIXED.admin.id, 'PROJECT_READER');
  legacy.members.set(FIXED.writer.id, 'PROJECT_READER');
  secret.members.set(FIXED.writer.id, 'PROJECT_ADMIN');

  for (const user of users) {
    if (FIXED_USER_IDS.has(user.id)) continue;
    if (rnd.chance(0.55)) mcap.members.set(user.id, projectRole(rnd, user, false));
    if (rnd.chance(0.2)) lidar.members.set(user.id, projectRole(rnd, user, false));
    if (rnd.chance(0.35)) perception.members.set(user.id, projectRole(rnd, user, true));
  }
  // Without drawing from rnd, so the older projects keep their members whatever is added here.
  const others = users.filter((u) => !FIXED_USER_IDS.has(u.id));
  others.forEach((user, i) => {
    if (i % 5 === 0) fleet.members.set(user.id, cycledRole(user, i));
    if (i % 9 === 0) legacy.members.set(user.id, cycledRole(user, i + 1));
    if (i % 11 === 0) secret.members.set(user.id, 'PROJECT_READER');
  });
  return [mcap, lidar, perception, archive, legacy, fleet, secret];
}

const CYCLED_ROLES = ['PROJECT_READER', 'PROJECT_WRITER', 'PROJECT_READER', 'PROJECT_ADMIN', 'PROJECT_LABELER'];

function cycledRole(user: FakeUser, i: number): string {
  return user.orgRoleCode === 'ORGANIZATION_DEVICE' ? 'PROJECT_DEVICE' : CYCLED_ROLES[i % CYCLED_ROLES.length];
}

/** `count` projects created after the seed's, each with `members` users from a window that moves over the org. */
function generatedProjects(users: FakeUser[], spec: SeedProjects | undefined): FakeProject[] {
  if (!spec || spec.count <= 0) return [];
  const rnd = new SeededRandom(7_000_001);
  const pool = users.filter((u) => !FIXED_USER_IDS.has(u.id));
  const size = Math.min(spec.members, pool.length);
  const stride = Math.max(1, Math.floor(pool.length / Math.max(1, spec.count)));
  return Array.from({ length: spec.count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    const members = new Map<string, string>();
    for (let j = 0; j < size; j++) {
      const user = pool[(i * stride + j) % pool.length];
      members.set(user.id, cycledRole(user, i + j));
    }
    return {
      id: rnd.uuid(),
      slug: `proj-${n}`,
      displayName: i % 2 === 0 ? `项目 ${n}` : `Project ${n}`,
      description: '',
      createTimeMs: Date.UTC(2025, 0, 1) + i * 60_000,
      archived: false,
      visibility: 'internal' as const,
      members,
    };
  });
}

function projectRole(rnd: SeededRandom, user: FakeUser, allowCustom: boolean): string {
  if (user.orgRoleCode === 'ORGANIZATION_DEVICE') return 'PROJECT_DEVICE';
  const roll = rnd.next();
  if (allowCustom && roll < 0.05) return 'PROJECT_LABELER';
  return roll < 0.1 ? 'PROJECT_ADMIN' : roll < 0.5 ? 'PROJECT_WRITER' : 'PROJECT_READER';
}
