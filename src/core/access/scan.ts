import { setMaxListeners } from 'node:events';
import { CosceneApiError } from '../coscene/apiErrors';
import type { CosceneApi, User } from '../coscene/model';
import { projectPages } from '../coscene/projects';
import { AccessError, msg, type Msg } from '../errors';
import { PageCursor } from '../paging/pageCursor';
import { PAGING_BOUNDS, PagingLoopError, WalkBudget, type WalkCaps } from '../paging/walkBudget';
import { AdaptiveLimiter, LIMITER_BOUNDS, ThrottleSignal } from './limiter';
import type { MemberInfo, OrgRoster, ProjectMembers, ProjectScan, ReadStatus, ScanProgress } from './model';

export type AccessApi = Pick<CosceneApi, 'listProjects' | 'listUsers'>;

export interface ScanOptions {
  includeArchived?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
  /** Shared by the scans of one run (the project scan and the roster), so the bound holds for both together. */
  limiter?: AdaptiveLimiter;
  /** 429s the transport saw (and may be retrying) slow the scan down at once. */
  throttle?: ThrottleSignal;
  now?: () => number;
  /** The caps of the whole scan (default SCAN_CAPS); tests make them small. */
  caps?: WalkCaps;
}

/**
 * What one scan keeps in all, over every project's member list: each list has its own page cap, but a hostile server
 * could still answer a thousand projects with a full list each. 500 000 memberships is 1000 projects of 500 members.
 */
export const SCAN_CAPS: Required<WalkCaps> = { maxItems: 500_000, maxBytes: PAGING_BOUNDS.maxBytes };

/** Largest page ListUsers accepts (cocli's MaxPageSize): fewest round trips. */
const MEMBER_PAGE_SIZE = 100;

/**
 * Reads the member list of every project the profile can see: projects are listed page by page and each one's
 * members are read as soon as it is known, at most `limiter.limit` requests at a time. A project whose list the
 * server refuses or fails on is marked and the scan goes on; a rejected token or a cancellation stops everything.
 */
export async function scanProjects(api: AccessApi, options: ScanOptions = {}): Promise<ProjectScan> {
  const limiter = options.limiter ?? new AdaptiveLimiter();
  const run = startRun(options);
  const unsubscribe = options.throttle?.subscribe((ms) => limiter.noteThrottled(ms));
  const budget = new WalkBudget({ ...SCAN_CAPS, ...options.caps });
  // Over the scan's caps: the whole scan stops with the cap's message (a half-read organization is no overview).
  const admit = (items: readonly User[]): void => {
    if (budget.admit(items).length < items.length) run.fail(budget.stop());
  };
  const users = new Map<string, MemberInfo>();
  const results: (ProjectMembers & { error?: unknown })[] = [];
  const seen = new Set<string>();
  const tasks: Promise<void>[] = [];
  let done = 0;
  let listed = false;
  const report = () => options.onProgress?.({ done, total: results.length, listed });
  const intern = (user: User): string => {
    const known = users.get(user.name);
    if (known) return known.name;
    users.set(user.name, memberInfo(user));
    return user.name;
  };

  try {
    const listProjects: AccessApi['listProjects'] = (req, signal) =>
      limited(limiter, (s) => api.listProjects(req, s), signal, (req.skip ?? 0) > 0);
    const cursor = new PageCursor(projectPages({ listProjects }, { includeArchived: options.includeArchived, followShortPage: false }));
    report();
    await walk(cursor, run.signal, (projects) => {
      for (const project of projects) {
        if (seen.has(project.name)) continue; // the list moved while it was read
        seen.add(project.name);
        const slot: ProjectMembers & { error?: unknown } = { project, status: 'ok', members: new Map() };
        results.push(slot);
        tasks.push(
          readList(
            limiter,
            run.signal,
            (token, signal) => api.listUsers({ parent: project.name, pageSize: MEMBER_PAGE_SIZE, pageToken: token }, signal),
            admit,
          )
            .then(
              (list) => {
                const members = new Map<string, string>();
                for (const page of list) for (const user of page) members.set(intern(user), user.role?.code ?? '');
                slot.members = members;
              },
              (err: unknown) => {
                if (run.signal.aborted || isFatal(err)) return run.fail(err);
                Object.assign(slot, { status: readStatusOf(err), problem: problemOf(err), error: err });
              },
            )
            .finally(() => {
              done++;
              report();
            }),
        );
      }
      report();
    });
    listed = true;
    report();
    await Promise.all(tasks);
    run.throwIfFailed();
  } catch (err) {
    run.fail(err);
    await Promise.allSettled(tasks);
    run.throwIfFailed();
  } finally {
    unsubscribe?.();
  }
  const failed = results.filter((r) => r.status === 'failed');
  // Every list failing the same way (no network, a broken server) is one error, not a table of question marks.
  if (results.length > 0 && failed.length === results.length) throw failed[0].error;
  return {
    projects: results.map(({ error: _error, ...rest }) => rest),
    users,
    includeArchived: options.includeArchived ?? false,
    finishedAt: (options.now ?? Date.now)(),
    throttled: limiter.throttled,
  };
}

/** The organization's users and their org role. Needs an org admin or writer: a refusal is a status, not an error. */
export async function readOrgRoster(api: Pick<CosceneApi, 'listUsers'>, options: ScanOptions = {}): Promise<OrgRoster> {
  const limiter = options.limiter ?? new AdaptiveLimiter();
  const run = startRun(options);
  const unsubscribe = options.throttle?.subscribe((ms) => limiter.noteThrottled(ms));
  try {
    const pages = await readList(limiter, run.signal, (token, signal) =>
      api.listUsers({ pageSize: MEMBER_PAGE_SIZE, pageToken: token }, signal),
    );
    return { status: 'ok', users: pages.flat().map((u) => ({ info: memberInfo(u), orgRole: u.role?.code ?? '' })) };
  } catch (err) {
    if (run.signal.aborted || isFatal(err)) {
      run.fail(err);
      run.throwIfFailed();
    }
    return { status: readStatusOf(err), problem: problemOf(err), users: [] };
  } finally {
    unsubscribe?.();
  }
}

function memberInfo(user: User): MemberInfo {
  return { name: user.name, ...(user.nickname !== undefined ? { nickname: user.nickname } : {}), email: user.email, active: user.active };
}

/** Every page of one token-paged list, each request through the limiter; the pages, not one concatenated copy. */
async function readList(
  limiter: AdaptiveLimiter,
  signal: AbortSignal,
  fetch: (token: string, signal?: AbortSignal) => Promise<{ items: User[]; nextPageToken: string; totalSize?: number }>,
  admit?: (items: readonly User[]) => void,
): Promise<User[][]> {
  const pages: User[][] = [];
  const cursor = new PageCursor<User>((token, s) => limited(limiter, (inner) => fetch(token, inner), s, token !== ''));
  await walk(cursor, signal, (items) => {
    admit?.(items);
    pages.push([...items]);
  });
  return pages;
}

async function walk<T>(cursor: PageCursor<T>, signal: AbortSignal, onItems: (items: readonly T[]) => void): Promise<void> {
  let pages = 0;
  while (cursor.hasMore) {
    if (pages++ >= PAGING_BOUNDS.maxPages) throw new PagingLoopError('tooManyPages', cursor.items.length);
    const before = cursor.items.length;
    await cursor.loadNext(signal);
    onItems(cursor.items.slice(before));
  }
}

/**
 * One request through the limiter; one the server limited waits for the pause and goes again (bounded). A next
 * page is urgent: lists already started finish first, so the longest list sets the pace, not the queue.
 */
async function limited<T>(
  limiter: AdaptiveLimiter,
  call: (signal?: AbortSignal) => Promise<T>,
  signal: AbortSignal | undefined,
  urgent: boolean,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await limiter.run(() => call(signal), signal, urgent || attempt > 0);
    } catch (err) {
      if (signal?.aborted || !isThrottled(err) || attempt >= LIMITER_BOUNDS.maxThrottleRetries) throw err;
      limiter.noteThrottled(err.retryAfterMs);
    }
  }
}

/** The caller's signal plus an internal one that a fatal error in any list trips. */
function startRun(options: ScanOptions) {
  const inner = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, inner.signal]) : inner.signal;
  // Every queued request listens on it (a thousand projects wait at once): not a leak.
  setMaxListeners(0, signal);
  let fatal: unknown;
  let failedHard = false;
  return {
    signal,
    fail(err: unknown): void {
      if (!failedHard) {
        failedHard = true;
        fatal = err;
      }
      inner.abort();
    },
    throwIfFailed(): void {
      if (options.signal?.aborted) throw cancelled();
      if (failedHard) throw fatal;
    },
  };
}

function cancelled(): Error {
  return Object.assign(new Error('Cancelled'), { name: 'AbortError' });
}

function isThrottled(err: unknown): err is CosceneApiError {
  return err instanceof CosceneApiError && err.code === 'resource_exhausted';
}

/** Errors that would hit every other list too. */
function isFatal(err: unknown): boolean {
  return (err instanceof CosceneApiError && err.code === 'unauthenticated') || (err instanceof Error && err.name === 'AbortError');
}

function readStatusOf(err: unknown): ReadStatus {
  return err instanceof CosceneApiError && (err.code === 'permission_denied' || err.code === 'not_found') ? 'denied' : 'failed';
}

function problemOf(err: unknown): Msg {
  return err instanceof AccessError ? err.userMessage : msg('Unexpected error: {0}', err instanceof Error ? err.message : String(err));
}
