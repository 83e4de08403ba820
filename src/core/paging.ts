import { AccessError, msg } from './errors';
import type { Page } from './coscene/model';

/** Fetches the page that starts at `pageToken` ('' = the first page). */
export type FetchPage<T> = (pageToken: string, signal?: AbortSignal) => Promise<Page<T>>;

const LOOP_MESSAGES = {
  repeatedToken: (n: number) => msg('The server sent a page token it had already sent; stopped after {0} items to avoid a loop.', n),
  emptyPages: (n: number) => msg('The server sent empty pages that still promise more; stopped after {0} items.', n),
  tooManyPages: (n: number) => msg('Stopped after too many pages ({0} items loaded).', n),
};

/** The server keeps sending tokens that lead nowhere; stopping is the only safe move. */
export class PagingLoopError extends AccessError {
  constructor(reason: keyof typeof LOOP_MESSAGES, loaded: number) {
    super(LOOP_MESSAGES[reason](loaded), ['showLogs'], `paging stopped: ${reason}`);
  }
}

export type CursorState = 'initial' | 'loading' | 'more' | 'done' | 'failed';

/** How many consecutive empty pages with a next token are tolerated before giving up. */
const MAX_EMPTY_PAGES = 1;

/**
 * Page-token walker behind every list: load the first page, load more while a token is left, stop when
 * done. An error keeps what was loaded (and the token, so a retry resumes there); a token that was
 * already used, or a second empty page in a row that still has a token, ends the walk with a PagingLoopError.
 */
export class PageCursor<T> {
  private loaded: T[] = [];
  private token = '';
  private readonly usedTokens = new Set<string>();
  private emptyStreak = 0;
  private pending: Promise<void> | undefined;
  private stateValue: CursorState = 'initial';
  private lastError: unknown;
  private total: number | undefined;
  private pageCount = 0;

  constructor(private readonly fetchPage: FetchPage<T>) {}

  get items(): readonly T[] { return this.loaded; }
  get state(): CursorState { return this.stateValue; }
  /** Set when state is 'failed' (a PagingLoopError cannot be retried). */
  get error(): unknown { return this.lastError; }
  /** The server's totalSize from the latest page, when it sent one. */
  get totalSize(): number | undefined { return this.total; }
  get pages(): number { return this.pageCount; }
  get hasMore(): boolean {
    return this.stateValue === 'initial' || this.stateValue === 'more' || (this.stateValue === 'failed' && this.canRetry);
  }
  get canRetry(): boolean { return this.stateValue === 'failed' && !(this.lastError instanceof PagingLoopError); }

  /** Loads the next page (the first one on the first call). Concurrent calls share one request. */
  loadNext(signal?: AbortSignal): Promise<void> {
    if (this.pending) return this.pending;
    if (!this.hasMore) return Promise.resolve();
    this.pending = this.fetchNext(signal).finally(() => { this.pending = undefined; });
    return this.pending;
  }

  private async fetchNext(signal?: AbortSignal): Promise<void> {
    this.stateValue = 'loading';
    this.lastError = undefined;
    try {
      for (;;) {
        signal?.throwIfAborted();
        const token = this.token;
        this.usedTokens.add(token);
        const page = await this.fetchPage(token, signal);
        this.pageCount++;
        this.loaded.push(...page.items);
        if (page.totalSize !== undefined) this.total = page.totalSize;
        const next = page.nextPageToken ?? '';
        if (next === '') {
          this.stateValue = 'done';
          return;
        }
        // An empty page pointing back at a token already sent is the empty-pages loop, not a repeat of data.
        if (this.usedTokens.has(next)) throw new PagingLoopError(page.items.length === 0 ? 'emptyPages' : 'repeatedToken', this.loaded.length);
        this.token = next;
        if (page.items.length > 0) {
          this.emptyStreak = 0;
          this.stateValue = 'more';
          return;
        }
        // An empty page that promises more: follow it once without bothering the caller.
        if (++this.emptyStreak > MAX_EMPTY_PAGES) throw new PagingLoopError('emptyPages', this.loaded.length);
      }
    } catch (err) {
      this.stateValue = 'failed';
      this.lastError = err;
      throw err;
    }
  }
}

export interface CollectOptions {
  signal?: AbortSignal;
  /** Upper bound on requests; default 1000 (100 000 items at the largest page size). */
  maxPages?: number;
  onProgress?: (loaded: number, totalSize: number | undefined) => void;
}

export interface Collected<T> {
  items: T[];
  totalSize: number | undefined;
}

/** Walks every page (exports, role lists). Throws on the first error, AbortError included. */
export async function collectAll<T>(fetchPage: FetchPage<T>, options: CollectOptions = {}): Promise<Collected<T>> {
  const maxPages = options.maxPages ?? 1000;
  const cursor = new PageCursor(fetchPage);
  while (cursor.hasMore) {
    if (cursor.pages >= maxPages) throw new PagingLoopError('tooManyPages', cursor.items.length);
    await cursor.loadNext(options.signal);
    options.onProgress?.(cursor.items.length, cursor.totalSize);
  }
  return { items: [...cursor.items], totalSize: cursor.totalSize };
}

/** What a page_no list holds, for its messages. */
export type NumberedItems = 'repositories' | 'users';

/** page_no paging (Huawei CodeArts, 1-based): the page that follows `loaded` items. */
export function nextPageNo(loaded: number, pageSize: number): number {
  return Math.floor(loaded / pageSize) + 1;
}

/**
 * page_no paging that goes nowhere: a page made only of items already listed (the same page again), or an empty page
 * while the total promises more. Either would offer "Load more…" forever or hide what exists. `fresh` counts the
 * page's items not listed yet; `loaded` is what was listed before this page.
 */
export function checkNumberedPage(received: number, fresh: number, reportedTotal: number, loaded: number, what: NumberedItems): void {
  if (received > 0 && fresh === 0) {
    throw what === 'repositories'
      ? new AccessError(msg('Huawei Cloud sent the same page of repositories again; stopped after {0} to avoid a loop.', loaded), ['showLogs'])
      : new AccessError(msg('Huawei Cloud sent the same page of users again; stopped after {0} to avoid a loop.', loaded), ['showLogs']);
  }
  if (received === 0 && reportedTotal > loaded) {
    throw what === 'repositories'
      ? new AccessError(msg('Huawei Cloud sent an empty page although it reported {0} repositories; stopped after {1}.', reportedTotal, loaded), ['showLogs'])
      : new AccessError(msg('Huawei Cloud sent an empty page although it reported {0} users; stopped after {1}.', reportedTotal, loaded), ['showLogs']);
  }
}

/** The total after a page: a short page means the end, whatever total says; never less than what is listed (`loaded`, this page included). */
export function totalAfterPage(received: number, pageSize: number, reportedTotal: number, loaded: number): number {
  return received < pageSize ? loaded : Math.max(reportedTotal, loaded);
}

/** The page's items not listed yet, each id once (a page may name an item twice). */
export function unlisted<T>(page: readonly T[], isListed: (id: string) => boolean, idOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return page.filter((item) => {
    const id = idOf(item);
    if (seen.has(id) || isListed(id)) return false;
    seen.add(id);
    return true;
  });
}
