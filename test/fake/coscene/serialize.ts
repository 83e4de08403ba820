import { omitDefaults, protoTimestamp } from '../connect';
import { CosceneData, FakeOrganization, FakeProject, FakeRole, FakeUser } from './model';

export function roleJson(role: FakeRole): Record<string, unknown> {
  return omitDefaults({ name: `roles/${role.id}`, displayName: role.displayName, code: role.code, level: role.level });
}

/** `roleCode` is the role in the listing's scope: the org role, or the project role in a project listing. */
export function userJson(user: FakeUser, roleCode: string, data: CosceneData): Record<string, unknown> {
  const role = data.rolesByCode.get(roleCode);
  const rest = omitDefaults({
    email: user.email,
    phoneNumber: user.phoneNumber,
    role: role ? roleJson(role) : undefined,
    active: user.active,
    createTime: protoTimestamp(user.createTimeMs),
  });
  // nickname is proto3 `optional`: present whenever set, even as "".
  return user.nickname === undefined
    ? { name: `users/${user.id}`, ...rest }
    : { name: `users/${user.id}`, nickname: user.nickname, ...rest };
}

export function organizationJson(org: FakeOrganization): Record<string, unknown> {
  const time = protoTimestamp(org.createTimeMs);
  return omitDefaults({
    name: `organizations/${org.id}`,
    displayName: org.displayName,
    slug: org.slug,
    createTime: time,
    updateTime: time,
  });
}

export function projectJson(project: FakeProject): Record<string, unknown> {
  const time = protoTimestamp(project.createTimeMs);
  return omitDefaults({
    name: `projects/${project.id}`,
    slug: project.slug,
    displayName: project.displayName,
    description: project.description,
    isArchived: project.archived,
    createTime: time,
    updateTime: time,
  });
}

/** List responses: int64 totalSize as a string, omitted (like every default) when 0. */
export function listJson(key: string, items: unknown[], nextPageToken: string, totalSize: number): Record<string, unknown> {
  return omitDefaults({ [key]: items, nextPageToken, totalSize: totalSize === 0 ? '' : String(totalSize) });
}
