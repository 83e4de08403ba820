import { isSafeRegistryUsername } from '../text/serverText';
import type { BasicCredential, Organization, Page, Project, Role, SkipPage, User } from './model';
import { PROJECT_PROTOCOL } from './projects';
import { isRecord } from '../json';

/**
 * Lenient protojson decoding: defaults for missing fields, camelCase or snake_case names, int64 as string or number,
 * unknown fields ignored. A value of the wrong type throws ResponseShapeError (never a TypeError deep in a view).
 */

export class ResponseShapeError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path} should be ${expected}`);
    this.name = 'ResponseShapeError';
  }
}

type Json = Record<string, unknown>;

export function decodeUser(value: unknown, path = 'user'): User {
  const o = object(value, path);
  const nickname = optionalString(o, 'nickname', path);
  const role = message(o, 'role', path, decodeRole);
  const createTime = optionalString(o, 'createTime', path);
  return {
    name: string(o, 'name', path),
    ...(nickname !== undefined ? { nickname } : {}),
    email: string(o, 'email', path),
    phoneNumber: string(o, 'phoneNumber', path),
    ...(role ? { role } : {}),
    active: bool(o, 'active', path),
    ...(createTime ? { createTime } : {}),
  };
}

export function decodeRole(value: unknown, path = 'role'): Role {
  const o = object(value, path);
  return {
    name: string(o, 'name', path),
    displayName: string(o, 'displayName', path),
    code: string(o, 'code', path),
    level: string(o, 'level', path),
  };
}

export function decodeOrganization(value: unknown, path = 'organization'): Organization {
  const o = object(value, path);
  return { name: string(o, 'name', path), slug: string(o, 'slug', path), displayName: string(o, 'displayName', path) };
}

export function decodeProject(value: unknown, path = 'project'): Project {
  const o = object(value, path);
  return {
    name: string(o, 'name', path),
    slug: string(o, 'slug', path),
    displayName: string(o, 'displayName', path),
    description: string(o, 'description', path),
    archived: bool(o, PROJECT_PROTOCOL.archivedField, path),
  };
}

/** ListProjectsResponse: `projects` and `totalSize`; paged by offset, so no token. */
export function decodeProjectPage(value: unknown): SkipPage<Project> {
  const o = object(value, 'response');
  const totalSize = int64(o, 'totalSize', 'response');
  return { items: list(o, 'projects', 'response', decodeProject), ...(totalSize !== undefined ? { totalSize } : {}) };
}

/** Username and password are the whole point of the call: missing ones are an error, not a default. */
export function decodeBasicCredential(value: unknown, path = 'credential'): BasicCredential {
  const o = object(value, path);
  const username = string(o, 'username', path);
  const password = string(o, 'password', path);
  if (!username) throw new ResponseShapeError(`${path}.username`, 'a non-empty string');
  // It is printed in the registry terminal and passed to docker/podman: no escape sequences, no spaces.
  if (!isSafeRegistryUsername(username)) throw new ResponseShapeError(`${path}.username`, 'letters, digits and . _ - @ + $ only');
  if (!password) throw new ResponseShapeError(`${path}.password`, 'a non-empty string');
  return { username, password };
}

export function decodeUserPage(value: unknown): Page<User> {
  return decodePage(value, 'users', decodeUser);
}

export function decodeRolePage(value: unknown): Page<Role> {
  return decodePage(value, 'roles', decodeRole);
}

export function decodeUserList(value: unknown): User[] {
  return list(object(value, 'response'), 'users', 'response', decodeUser);
}

function decodePage<T>(value: unknown, key: string, item: (v: unknown, path: string) => T): Page<T> {
  const o = object(value, 'response');
  const totalSize = int64(o, 'totalSize', 'response');
  return {
    items: list(o, key, 'response', item),
    nextPageToken: string(o, 'nextPageToken', 'response'),
    ...(totalSize !== undefined ? { totalSize } : {}),
  };
}

// ---- field readers ----

function object(value: unknown, path: string): Json {
  if (!isRecord(value)) throw new ResponseShapeError(path, 'an object');
  return value as Json;
}

/** The field under its JSON (lowerCamel) name, else its proto (snake_case) name; null counts as absent. */
function field(o: Json, camel: string): unknown {
  const snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const value = Object.hasOwn(o, camel) ? o[camel] : Object.hasOwn(o, snake) ? o[snake] : undefined;
  return value === null ? undefined : value;
}

function optionalString(o: Json, key: string, path: string): string | undefined {
  const v = field(o, key);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new ResponseShapeError(`${path}.${key}`, 'a string');
  return v;
}

function string(o: Json, key: string, path: string): string {
  return optionalString(o, key, path) ?? '';
}

function bool(o: Json, key: string, path: string): boolean {
  const v = field(o, key);
  if (v === undefined) return false;
  if (typeof v !== 'boolean') throw new ResponseShapeError(`${path}.${key}`, 'true or false');
  return v;
}

function int64(o: Json, key: string, path: string): number | undefined {
  const v = field(o, key);
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : typeof v === 'number' ? v : NaN;
  if (!Number.isSafeInteger(n)) throw new ResponseShapeError(`${path}.${key}`, 'an integer');
  return n;
}

function message<T>(o: Json, key: string, path: string, decode: (v: unknown, path: string) => T): T | undefined {
  const v = field(o, key);
  return v === undefined ? undefined : decode(v, `${path}.${key}`);
}

function list<T>(o: Json, key: string, path: string, item: (v: unknown, path: string) => T): T[] {
  const v = field(o, key);
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new ResponseShapeError(`${path}.${key}`, 'a list');
  return v.map((entry, i) => item(entry, `${path}.${key}[${i}]`));
}
