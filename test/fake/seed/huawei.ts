import { createHash } from 'node:crypto';
import { HuaweiData, Privilege, ProjectMember, Repository } from '../huawei/model';
import { PRIVILEGES_EXAMPLE_REPO_ID, PRIVILEGES_EXAMPLE_RESPONSE_TEXT } from './privilegesExample';
import { SeededRandom } from './random';

const DOMAIN_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const MAIN_PROJECT = '0123456789abcdef0123456789abcdef';
const EXAMPLE_PROJECT = '73e0adda5ace41f28a1f869ec2a28a06';
const REGION = 'cn-north-4';

/** Credentials and ids for tests. All fake; only valid against this server. */
export const FAKE_HUAWEI = {
  domainName: 'coscene-hw',
  domainId: DOMAIN_ID,
  iamUser: 'cos-dev',
  iamUserId: '6c1f0e2d3b4a59687766554433221100',
  iamPassword: 'Fake-Passw0rd!',
  region: REGION,
  iamProjectId: 'fedcba9876543210fedcba9876543210',
  /** A second IAM region project (token scope by name works for it too). */
  otherRegion: 'cn-east-3',
  otherIamProjectId: '0a0b0c0d0e0f00010203040506070809',
  ak: 'HPUAFAKEACCESSKEY001',
  sk: 'FakeSecretKey0000000000000000000000000001',
  /** Temporary AK/SK: needs X-Security-Token (signed). */
  tempAk: 'HSTAFAKETEMPKEY00001',
  tempSk: 'FakeTemporarySecret00000000000000000000002',
  securityToken: 'gQpjbi1ub3J0aC00FAKE-SECURITY-TOKEN-0001',
  /** CodeArts project with ~20 repositories of every format. */
  codeartsProjectId: MAIN_PROJECT,
  /** Well-formed CodeArts project id this account has no permission on → 403 CR.4102. */
  forbiddenProjectId: 'ffffeeeeddddccccbbbbaaaa99998888',
  repoIds: {
    mavenRelease: `${REGION}_${DOMAIN_ID}_maven2_1`,
    npmInternal: `${REGION}_${DOMAIN_ID}_npm_4`,
    dockerRobotics: `${REGION}_${DOMAIN_ID}_docker2_6`,
    pypiMl: `${REGION}_${DOMAIN_ID}_pypi_8`,
  },
  /** The documented example: served byte-for-byte from the seed page. */
  exampleRepo: { projectId: EXAMPLE_PROJECT, repoId: PRIVILEGES_EXAMPLE_REPO_ID },
  exampleResponseText: PRIVILEGES_EXAMPLE_RESPONSE_TEXT,
} as const;

interface RoleDef {
  id: string;
  name: string;
  zh: string;
}

const rnd = new SeededRandom(4102);
const ROLES = {
  manager: { id: rnd.hex(32), name: 'Project manager', zh: '项目经理' },
  developer: { id: rnd.hex(32), name: 'Developer', zh: '开发人员' },
  tester: { id: rnd.hex(32), name: 'Tester', zh: '测试人员' },
  engineer: { id: rnd.hex(32), name: 'System engineer', zh: '系统工程师' },
  viewer: { id: rnd.hex(32), name: 'Viewer', zh: '浏览者' },
  captain: { id: rnd.hex(32), name: 'Release captain', zh: '发布负责人' }, // custom role
} satisfies Record<string, RoleDef>;
const AREA_SERVICE_ID = rnd.hex(32);
const COMPONENT_TYPE_ID = rnd.hex(32);
const REPO_TYPE_ID = rnd.hex(32);

const REPO_SPECS: [format: string, name: string, repoType: Repository['repoType'], status: Repository['status']][] = [
  ['maven2', 'maven-release', 'hosted', 'active'],
  ['maven2', 'maven-snapshot', 'hosted', 'active'],
  ['maven2', 'maven-central-proxy', 'remote', 'active'],
  ['npm', 'npm-internal', 'hosted', 'active'],
  ['npm', 'npm-web-ui', 'hosted', 'active'],
  ['docker2', 'docker-robotics', 'hosted', 'active'],
  ['docker2', 'docker-base-images', 'hosted', 'active'],
  ['pypi', 'pypi-ml', 'hosted', 'active'],
  ['pypi', 'pypi-virtual', 'virtual', 'active'],
  ['go', 'go-modules', 'hosted', 'active'],
  ['generic', 'generic-firmware', 'hosted', 'active'],
  ['generic', '感知-数据集', 'hosted', 'active'],
  ['conan', 'conan-cpp', 'hosted', 'active'],
  ['debian', 'debian-ros', 'hosted', 'active'],
  ['rpm', 'rpm-centos', 'hosted', 'disabled'],
  ['nuget', 'nuget-windows', 'hosted', 'active'],
  ['helm', 'helm-charts', 'hosted', 'active'],
  ['cocoapods', 'cocoapods-ios', 'hosted', 'active'],
  ['npm', 'npm-mirror', 'remote', 'active'],
  ['maven2', 'maven-thirdparty', 'hosted', 'active'],
  ['ohpm', 'ohpm-harmony', 'hosted', 'active'],
  ['docker2', 'docker-legacy', 'hosted', 'trash'],
];

export function generateHuaweiData(): HuaweiData {
  const repositories = REPO_SPECS.map(([format, name, repoType, status], i) =>
    repository(MAIN_PROJECT, `${REGION}_${DOMAIN_ID}_${format}_${i + 1}`, name, format, repoType, status, i),
  );
  repositories.push(repository(EXAMPLE_PROJECT, PRIVILEGES_EXAMPLE_REPO_ID, 'docker-example', 'docker2', 'hosted', 'active', 30));
  const privileges = new Map(repositories.map((r, i) => [r.name, privilegesFor(r, i)]));
  const example = JSON.parse(PRIVILEGES_EXAMPLE_RESPONSE_TEXT) as { result: Record<string, Privilege[]> };
  privileges.set(PRIVILEGES_EXAMPLE_REPO_ID, example.result);
  return {
    domain: { id: DOMAIN_ID, name: FAKE_HUAWEI.domainName },
    iamUser: { id: FAKE_HUAWEI.iamUserId, name: FAKE_HUAWEI.iamUser, password: FAKE_HUAWEI.iamPassword },
    iamProjects: [
      { id: FAKE_HUAWEI.iamProjectId, name: REGION },
      { id: FAKE_HUAWEI.otherIamProjectId, name: FAKE_HUAWEI.otherRegion },
    ],
    accessKeys: new Map([
      [FAKE_HUAWEI.ak, { sk: FAKE_HUAWEI.sk }],
      [FAKE_HUAWEI.tempAk, { sk: FAKE_HUAWEI.tempSk, securityToken: FAKE_HUAWEI.securityToken }],
    ]),
    codeartsProjects: [MAIN_PROJECT, EXAMPLE_PROJECT],
    repositories,
    privileges,
    verbatimPrivileges: new Map([[PRIVILEGES_EXAMPLE_REPO_ID, PRIVILEGES_EXAMPLE_RESPONSE_TEXT]]),
    members: new Map([
      [MAIN_PROJECT, members()],
      [EXAMPLE_PROJECT, exampleMembers(example.result)],
    ]),
  };
}

function repository(
  projectId: string,
  repoId: string,
  name: string,
  format: string,
  repoType: Repository['repoType'],
  status: Repository['status'],
  i: number,
): Repository {
  const created = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00`;
  return {
    id: createHash('sha256').update(repoId).digest('hex').slice(0, 32),
    name: repoId,
    repositoryName: name,
    displayName: name,
    description: i % 3 === 0 ? '' : `${name} 制品仓库`,
    status,
    domainId: DOMAIN_ID,
    region: REGION,
    projectId,
    createdTime: created,
    modifiedTime: created,
    createdUserId: FAKE_HUAWEI.iamUserId,
    createdUserName: FAKE_HUAWEI.iamUser,
    modifiedUserId: FAKE_HUAWEI.iamUserId,
    modifiedUserName: FAKE_HUAWEI.iamUser,
    disable: status === 'disabled',
    format,
    packageType: format,
    repoType,
    shareRight: 'PROJECT',
    url: `https://devrepo.${REGION}.example.com/artifactory/${repoId}/`,
    storageSummaryInfo: { filesCount: (i * 37) % 500, usedSpace: `${(i * 13) % 900}.5MB` },
  };
}

/** Varied on purpose: empty operations, null and non-null operations_index, an empty role, '*' paths, an unknown keyword. */
function privilegesFor(repo: Repository, i: number): Record<string, Privilege[]> {
  const component = `/codeartsartifact/artifact/component/${repo.name}`;
  const repoPath = `/codeartsartifact/artifact/repo/${repo.name}`;
  const entry = (role: RoleDef, path: string, operations: string, index: number[] | null): Privilege => ({
    role_id: role.id,
    role_name: role.name,
    role_chinese_name: role.zh,
    project_id: repo.projectId,
    area_service_id: AREA_SERVICE_ID,
    granted_object_path: path,
    granted_object_type_id: path.includes('/component/') ? COMPONENT_TYPE_ID : REPO_TYPE_ID,
    operations,
    operations_index: index,
  });
  const result: Record<string, Privilege[]> = {
    [ROLES.manager.name]: [
      entry(ROLES.manager, component, 'deleteorredeploy,downloadorview,import,upload,export', [7, 8, 9, 10, 11]),
      entry(
        ROLES.manager,
        repoPath,
        'createrepository,editrepository,restore,deleterepository,physicdelete,restoreall,clearall',
        [0, 1, 2, 3, 4, 5, 6],
      ),
    ],
    [ROLES.developer.name]: [entry(ROLES.developer, component, 'upload,downloadorview', null), entry(ROLES.developer, repoPath, '', null)],
    [ROLES.tester.name]: [entry(ROLES.tester, component, 'downloadorview', [0, 1])],
    [ROLES.engineer.name]: [entry(ROLES.engineer, '/codeartsartifact/artifact/repo/*', 'editrepository', null)],
    [ROLES.viewer.name]: [],
  };
  if (i % 2 === 0) {
    result[ROLES.captain.name] = [entry(ROLES.captain, '/codeartsartifact/artifact/component/*', 'downloadorview,export,promote', null)];
  }
  return result;
}

const MEMBER_NAMES: [string, RoleDef][] = [
  ['zhangwei_pm', ROLES.manager],
  ['lina_dev', ROLES.developer],
  ['wangqiang_dev', ROLES.developer],
  ['alice_dev', ROLES.developer],
  ['liuyang_qa', ROLES.tester],
  ['bob_qa', ROLES.tester],
  ['chenjie_ops', ROLES.engineer],
  ['guest_viewer', ROLES.viewer],
  ['zhoumin_viewer', ROLES.viewer],
  ['release_bot', ROLES.captain],
  ['sunli_pm', ROLES.manager],
  ['mia_dev', ROLES.developer],
];

function members(): ProjectMember[] {
  const ids = new SeededRandom(77);
  return MEMBER_NAMES.map(([userName, role]) => ({
    user_id: ids.hex(32),
    domain_id: DOMAIN_ID,
    user_name: userName,
    role_id: role.id,
    role_name: role.name,
  }));
}

/** Members of the documented example's project carry that page's (masked) role ids. */
function exampleMembers(result: Record<string, Privilege[]>): ProjectMember[] {
  return Object.values(result).map((entries, i) => ({
    user_id: `${i}`.padStart(32, 'e'),
    domain_id: DOMAIN_ID,
    user_name: i === 0 ? 'example_engineer' : 'example_manager',
    role_id: entries[0].role_id,
    role_name: entries[0].role_name,
  }));
}
