import type { Role, User } from '../coscene/model';
import { protoTimestamp } from './time';

/**
 * The objects protojson would print: fields at their default value left out, int64 as a string.
 * `names: 'json'` gives camelCase (JSON output), `'proto'` the snake_case proto names (YAML output).
 * Field order follows the wire examples (the proto field numbers are not public).
 */
export type FieldNames = 'json' | 'proto';
export type ProtoValue = string | boolean | ProtoObject | ProtoValue[];
export interface ProtoObject {
  [key: string]: ProtoValue;
}

function put(target: ProtoObject, key: string, value: ProtoValue | undefined): void {
  if (value === undefined || value === '' || value === false) return;
  if (Array.isArray(value) && value.length === 0) return;
  target[key] = value;
}

const key = (names: FieldNames, camel: string, snake: string): string => (names === 'json' ? camel : snake);

export function roleMessage(role: Role, names: FieldNames): ProtoObject {
  const out: ProtoObject = {};
  put(out, 'name', role.name);
  put(out, key(names, 'displayName', 'display_name'), role.displayName);
  put(out, 'code', role.code);
  put(out, 'level', role.level);
  return out;
}

export function userMessage(user: User, names: FieldNames): ProtoObject {
  const out: ProtoObject = {};
  put(out, 'name', user.name);
  // `nickname` is proto3 optional: present whenever it was set, even to "".
  if (user.nickname !== undefined) out.nickname = user.nickname;
  put(out, 'email', user.email);
  put(out, key(names, 'phoneNumber', 'phone_number'), user.phoneNumber);
  if (user.role) out.role = roleMessage(user.role, names);
  put(out, 'active', user.active);
  put(out, key(names, 'createTime', 'create_time'), user.createTime ? protoTimestamp(user.createTime) : undefined);
  return out;
}

/** ListUsersResponse as cocli prints it: totalSize is the number of users printed, not the server's. */
export function listUsersMessage(users: readonly User[], nextPageToken: string, names: FieldNames): ProtoObject {
  const out: ProtoObject = {};
  put(
    out,
    'users',
    users.map((u) => userMessage(u, names)),
  );
  put(out, key(names, 'nextPageToken', 'next_page_token'), nextPageToken);
  put(out, key(names, 'totalSize', 'total_size'), users.length === 0 ? undefined : String(users.length));
  return out;
}

export function listRolesMessage(roles: readonly Role[], nextPageToken: string, names: FieldNames): ProtoObject {
  const out: ProtoObject = {};
  put(
    out,
    'roles',
    roles.map((r) => roleMessage(r, names)),
  );
  put(out, key(names, 'nextPageToken', 'next_page_token'), nextPageToken);
  put(out, key(names, 'totalSize', 'total_size'), roles.length === 0 ? undefined : String(roles.length));
  return out;
}

/** protojson re-indented by Go's json.Indent with two spaces, plus the newline cocli prints. */
export function toJsonText(message: ProtoObject): string {
  return `${JSON.stringify(message, null, 2)}\n`;
}
