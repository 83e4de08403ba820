import { isRecord } from '../json';
import type { Role } from './model';

/**
 * The role lists kept between sessions (VS Code's globalState), so that the users views send every group's first
 * page at once instead of after ListRoles: roles change rarely and are not personal data. The kept list is only a
 * guess: every load asks ListRoles in the same round trip and the fresh answer wins. What is read back is
 * untrusted (another version of the extension may have written it): checked and bounded here.
 */
export type KeptRoleLists = Record<string, { at: number; roles: Role[] }>;

/** At most this many scopes (profile, endpoint, level) are kept; the oldest goes first. */
export const MAX_KEPT_SCOPES = 8;
const MAX_ROLES = 200;
const MAX_FIELD = 256;

/** The scope's kept roles, or undefined when none (or what is stored is not a role list). */
export function readKeptRoles(stored: unknown, scope: string): Role[] | undefined {
  const entry = keptLists(stored)[scope];
  return entry?.roles;
}

/** `stored` with `roles` kept for `scope` (the newest MAX_KEPT_SCOPES scopes stay). */
export function withKeptRoles(stored: unknown, scope: string, roles: readonly Role[], now: number): KeptRoleLists {
  const lists = { ...keptLists(stored), [scope]: { at: now, roles: roles.slice(0, MAX_ROLES).map(copyRole) } };
  const newest = Object.entries(lists)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, MAX_KEPT_SCOPES);
  return Object.fromEntries(newest);
}

/** Same roles in the same order (what the groups show: code, display name, resource name, level). */
export function sameRoles(a: readonly Role[] | undefined, b: readonly Role[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((r, i) => r.code === b[i].code && r.displayName === b[i].displayName && r.name === b[i].name && r.level === b[i].level);
}

function keptLists(stored: unknown): KeptRoleLists {
  if (!isRecord(stored)) return {};
  const lists: KeptRoleLists = {};
  for (const [scope, entry] of Object.entries(stored).slice(0, MAX_KEPT_SCOPES)) {
    if (!isRecord(entry) || typeof entry.at !== 'number' || !Array.isArray(entry.roles)) continue;
    const roles = entry.roles.slice(0, MAX_ROLES).filter(isRole);
    if (roles.length === entry.roles.length) lists[scope] = { at: entry.at, roles: roles.map(copyRole) };
  }
  return lists;
}

function isRole(value: unknown): value is Role {
  return (
    isRecord(value) &&
    (['name', 'displayName', 'code', 'level'] as const).every(
      (k) => typeof value[k] === 'string' && (value[k] as string).length <= MAX_FIELD,
    )
  );
}

function copyRole(role: Role): Role {
  return { name: role.name, displayName: role.displayName, code: role.code, level: role.level };
}
