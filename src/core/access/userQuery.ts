import { CosceneApiError } from '../coscene/apiErrors';
import type { CosceneApi } from '../coscene/model';
import { nicknameFilter } from '../format/filter';
import type { MemberInfo } from './model';

/** What "Show Access for User…" was given: a user (id or `users/<id>`), yourself (empty), or a nickname to search. */
export type UserQuery = { kind: 'name'; name: string } | { kind: 'current' } | { kind: 'nickname'; text: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseUserQuery(input: string): UserQuery {
  const text = input.trim();
  if (!text) return { kind: 'current' };
  if (/^users\/[^/\s]+$/.test(text)) return { kind: 'name', name: text };
  if (UUID.test(text)) return { kind: 'name', name: `users/${text.toLowerCase()}` };
  return { kind: 'nickname', text };
}

export interface NicknameSearch {
  users: MemberInfo[];
  /** 'server': the organization listing (needs org rights); 'members': the project members already read. */
  source: 'server' | 'members';
}

/** Matches shown for a nickname search, at most (one page). */
export const NICKNAME_SEARCH_LIMIT = 50;

/**
 * Users whose nickname contains `text` (case-insensitive), exact matches first. Asks the server (ListUsers with
 * cocli's nickname filter); a profile without org rights searches the members it has already read instead.
 */
export async function searchByNickname(
  api: Pick<CosceneApi, 'listUsers'>,
  text: string,
  known: Iterable<MemberInfo> = [],
  signal?: AbortSignal,
): Promise<NicknameSearch> {
  const needle = text.trim().toLowerCase();
  const rank = (users: MemberInfo[]) =>
    users
      .filter((u) => (u.nickname ?? '').toLowerCase().includes(needle))
      .sort((a, b) => Number((b.nickname ?? '').toLowerCase() === needle) - Number((a.nickname ?? '').toLowerCase() === needle))
      .slice(0, NICKNAME_SEARCH_LIMIT);
  try {
    const page = await api.listUsers({ pageSize: NICKNAME_SEARCH_LIMIT, filter: nicknameFilter(text.trim()) }, signal);
    // The server matches substrings; its own notion of case may differ, so the same rule is applied here.
    return {
      users: rank(
        page.items.map((u) => ({
          name: u.name,
          ...(u.nickname !== undefined ? { nickname: u.nickname } : {}),
          email: u.email,
          active: u.active,
        })),
      ),
      source: 'server',
    };
  } catch (err) {
    if (!(err instanceof CosceneApiError && err.code === 'permission_denied')) throw err;
    return { users: rank([...known]), source: 'members' };
  }
}
