import { randomUUID } from 'node:crypto';
import { compareUsers, type CosceneData, type FakeUser } from './model';

/**
 * Control of the served organization during a test (POST /__fake/coscene/users, /__fake/coscene/memberships), and its
 * restoration (POST /__fake/reset puts the seed's users and memberships back). Changes are made in place: the
 * server and `server.coscene` keep one data object.
 */

/** At most this many users may be added over the seed (a runaway test must not grow the fake without bound). */
export const MAX_ADDED_USERS = 1000;
const MAX_TEXT = 200;

/** What the seed served, to go back to. */
export interface DataCheckpoint {
  users: FakeUser[];
  members: Map<string, Map<string, string>>;
}

export function checkpoint(data: CosceneData): DataCheckpoint {
  return {
    users: data.users.map((u) => ({ ...u })),
    members: new Map(data.projects.map((p) => [p.id, new Map(p.members)])),
  };
}

export function restore(data: CosceneData, saved: DataCheckpoint): void {
  data.users.splice(0, data.users.length, ...saved.users.map((u) => ({ ...u })));
  data.usersById.clear();
  for (const u of data.users) data.usersById.set(u.id, u);
  for (const p of data.projects) {
    const members = saved.members.get(p.id);
    p.members.clear();
    for (const [user, role] of members ?? []) p.members.set(user, role);
  }
}

class ControlError extends Error {}

function text(body: Record<string, unknown>, key: string, required: boolean): string | undefined {
  const v = body[key];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || v.length > MAX_TEXT) throw new ControlError(`"${key}" should be text of at most ${MAX_TEXT} characters`);
  return v;
}

function userIdOf(value: string): string {
  return value.startsWith('users/') ? value.slice('users/'.length) : value;
}

function role(data: CosceneData, code: string, level: 'organization' | 'project'): string {
  if (data.rolesByCode.get(code)?.level !== level)
    throw new ControlError(`${code} is not ${level === 'organization' ? 'an' : 'a'} ${level} role`);
  return code;
}

/**
 * POST /__fake/coscene/users: `{"add": {nickname, email, orgRole, active?, id?}}` → 200 `{name}` (created now, listed
 * last); `{"remove": "users/<id>" | "<id>"}` → the user leaves the organization and every project. 400 on anything else.
 */
export function changeUsers(data: CosceneData, body: unknown, seedSize: number, nowMs: number): { name: string } {
  if (typeof body !== 'object' || body === null) throw new ControlError('the body should be an object');
  const b = body as Record<string, unknown>;
  if (b.add !== undefined) {
    if (typeof b.add !== 'object' || b.add === null) throw new ControlError('"add" should be an object');
    const add = b.add as Record<string, unknown>;
    if (data.users.length >= seedSize + MAX_ADDED_USERS) throw new ControlError(`at most ${MAX_ADDED_USERS} users may be added`);
    const id = userIdOf(text(add, 'id', false) ?? randomUUID());
    if (!/^[0-9a-f-]{36}$/.test(id) || data.usersById.has(id)) throw new ControlError(`user id ${id} is not a new uuid`);
    if (add.active !== undefined && typeof add.active !== 'boolean') throw new ControlError('"active" should be true or false');
    const user: FakeUser = {
      id,
      nickname: text(add, 'nickname', true),
      email: text(add, 'email', true)!,
      phoneNumber: '',
      active: (add.active as boolean | undefined) ?? true,
      createTimeMs: nowMs,
      orgRoleCode: role(data, text(add, 'orgRole', true)!, 'organization'),
    };
    data.users.push(user);
    data.users.sort(compareUsers);
    data.usersById.set(id, user);
    return { name: `users/${id}` };
  }
  if (b.remove !== undefined) {
    const id = userIdOf(text(b, 'remove', true)!);
    const user = data.usersById.get(id);
    if (!user) throw new ControlError(`no user ${id}`);
    data.users.splice(data.users.indexOf(user), 1);
    data.usersById.delete(id);
    for (const p of data.projects) p.members.delete(id);
    return { name: `users/${id}` };
  }
  throw new ControlError('the body should have "add" or "remove"');
}

/**
 * POST /__fake/coscene/memberships: `{"project": "<slug>", "user": "users/<id>" | "<id>", "role": "<project role
 * code>" | null}` sets the user's role in the project (adds the member), or removes the member (null).
 */
export function changeMembership(data: CosceneData, body: unknown): { members: number } {
  if (typeof body !== 'object' || body === null) throw new ControlError('the body should be an object');
  const b = body as Record<string, unknown>;
  const slug = text(b, 'project', true)!;
  const project = data.projects.find((p) => p.slug === slug);
  if (!project) throw new ControlError(`no project ${slug}`);
  const id = userIdOf(text(b, 'user', true)!);
  if (!data.usersById.has(id)) throw new ControlError(`no user ${id}`);
  if (b.role === null) {
    if (!project.members.delete(id)) throw new ControlError(`user ${id} is not a member of ${slug}`);
  } else project.members.set(id, role(data, text(b, 'role', true)!, 'project'));
  return { members: project.members.size };
}

/** Runs a change; a ControlError (or bad JSON) is a 400 with its message. */
export function controlReply<T>(run: () => T): { status: number; body: T | { error: string } } {
  try {
    return { status: 200, body: run() };
  } catch (err) {
    if (err instanceof ControlError || err instanceof SyntaxError) return { status: 400, body: { error: err.message } };
    throw err;
  }
}
