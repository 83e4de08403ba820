import { AccessError, msg } from './errors';
import type { Page } from './coscene/model';

/** Fetches the page that starts at `pageToken` ('' = the first page). */
export type FetchPage<T> = (pageToken: string, signal?: AbortSignal) => Promise<Page<T>>;

const LOOP_MESSAGES = {
  repeatedToken: (n: number) => msg('The server sent a page token it had already sent; stopped after {0} items to avoid a loop.', n),
  emptyPages: (n: number) => msg('The server sent empty pages that still promise more; stopped after {0} items.', n),
  tooManyPages: (n: number) => msg('Stopped after too many pages ({0} items loaded).', n),
  tooManyItems: (n: number) =>
    msg(
      'The list reached the limit of {0} items per list; stopped there and kept what was loaded. A list this long points at a faulty or hostile server.',
      n,
    ),
  tooManyBytes: (n: number, mb: number) =>
    msg(
      'The list reached the limit of {1} MB of data per list; stopped after {0} items and kept them. A list this large points at a faulty or hostile server.',
      n,
      mb,
    ),
  repeatedPage: (n: number) => msg('The server sent the same page again for a later offset; stopped after {0} items to avoid a loop.', n),
};

/** The server keeps sending tokens that lead nowhere; stopping is the only safe move. */
export class PagingLoopError extends AccessError {
  constructor(reason: keyof typeof LOOP_MESSAGES, loaded: number, limitMb = 0) {
    super(LOOP_MESSAGES[reason](loaded, limitMb), ['showLogs'], `paging stopped: ${reason}`);
  }
}

export type CursorState = 'initial' | 'loading' | 'more' | 'done' | 'failed';

/** The bounds of every walk over a server's pages (token- or offset-paged), in one place. */
export const PAGING_BOUNDS = {
  /** Consecutive empty pages with a next token tolerated before giving up. */
  maxEmptyPages: 1,
  /** Requests one complete walk may make: 100 000 items at the largest page size. */
  maxPages: 1000,
  /**
   * Items one walk keeps. A hostile server can pack tens of thousands of small items into one 8 MB page; this caps
   * the walk whatever the page sizes. 100 000 is the page cap times the largest page size, far above any real
   * organization's users, roles or projects (cocli lists them in one go too).
   */
  maxItems: 100_000,
  /**
   * Decoded size of the items one walk keeps (string lengths as UTF-16 plus a little per value, see decodedSize).
   * A real user is well under 1 KB, so 100 000 of them fit; a few thousand padded items of a hostile server do not.
   * 64 MB keeps an extension host (typically a 1-4 GB heap) safe even with several views walking at once.
   */
  maxBytes: 64 * 1024 * 1024,
} as const;

/** The item and byte caps of one walk. */
export interface WalkCaps {
  maxItems?: number;
  maxBytes?: number;
}

/**
 * Approximate decoded size of a value in memory, in bytes: strings count 2 bytes a character, every other value 8.
 * Linear in the value; depth-bounded so a cyclic or deeply nested object cannot make it spin.
 */
export function decodedSize(value: unknown, depth = 0): number {
  if (typeof value === 'string') return 8 + value.length * 2;
  if (value === null || typeof value !== 'object' || depth > 16) return 8;
  let size = 16;
  if (Array.isArray(value)) {
    for (const item of value) size += decodedSize(item, depth + 1);
    return size;
  }
  if (value instanceof Map || value instanceof Set) {
    for (const item of value) size += decodedSize(item, depth + 1);
    return size;
  }
  for (const [key, item] of Object.entries(value)) size += key.length * 2 + decodedSize(item, depth + 1);
  return size;
}

/**
 * The running totals of one walk against its caps. `admit` takes a page's items and returns those that still fit;
 * once a cap is reached, `stop` says which (the walk must end with it).
 */
export class WalkBudget {
  private items = 0;
  private bytes = 0;
  private reached: 'tooManyItems' | 'tooManyBytes' | undefined;
  readonly maxItems: number;
  readonly maxBytes: number;

  constructor(caps: WalkCaps = {}) {
    this.maxItems = caps.maxItems ?? PAGING_BOUNDS.maxItems;
    this.maxBytes = caps.maxBytes ?? PAGING_BOUNDS.maxBytes;
  }

  admit<T>(page: readonly T[]): T[] {
    const kept: T[] = [];
    for (const item of page) {
      if (this.reached) break;
      if (this.items >= this.maxItems) {
        this.reached = 'tooManyItems';
        break;
      }
      const size = decodedSize(item);
      if (this.bytes + size > this.maxBytes) {
        this.reached = 'tooManyBytes';
        break;
      }
      this.items++;
      this.bytes += size;
      kept.push(item);
    }
    // Exactly at the item cap with more promised is also the end.
    if (!this.reached && this.items >= this.maxItems && kept.length < page.length) this.reached = 'tooManyItems';
    return kept;
  }

  /** The error that ends the walk once a cap is reached; undefined while within the caps. */
  stop(): PagingLoopError | undefined {
    if (this.reached === 'tooManyItems') return new PagingLoopError('tooManyItems', this.maxItems);
    if (this.reached === 'tooManyBytes') return new PagingLoopError('tooManyBytes', this.items, Math.round(this.maxBytes / (1024 * 1024)));
    return undefined;
  }

  /** A walk that already holds `maxItems` and is promised more has reached the cap too. */
  full(): PagingLoopError | undefined {
    if (this.items >= this.maxItems) this.reached ??= 'tooManyItems';
    return this.stop();
  }
}

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
  private readonly budget: WalkBudget;

  constructor(
    private readonly fetchPage: FetchPage<T>,
    caps: WalkCaps = {},
  ) {
    this.budget = new WalkBudget(caps);
  }

  get items(): readonly T[] {
    return this.loaded;
  }
  get state(): CursorState {
    return this.stateValue;
  }
  /** Set when state is 'failed' (a PagingLoopError cannot be retried). */
  get error(): unknown {
    return this.lastError;
  }
  /** The server's totalSize from the latest page, when it sent one. */
  get totalSize(): number | undefined {
    return this.total;
  }
  get pages(): number {
    return this.pageCount;
  }
  get hasMore(): boolean {
    return this.stateValue === 'initial' || this.stateValue === 'more' || (this.stateValue === 'failed' && this.canRetry);
  }
  get canRetry(): boolean {
    return this.stateValue === 'failed' && !(this.lastError instanceof PagingLoopError);
  }

  /** Loads the next page (the first one on the first call). Concurrent calls share one request. */
  loadNext(signal?: AbortSignal): Promise<void> {
    if (this.pending) return this.pending;
    if (!this.hasMore) return Promise.resolve();
    this.pending = this.fetchNext(signal).finally(() => {
      this.pending = undefined;
    });
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
        const kept = this.budget.admit(page.items);
        for (const item of kept) this.loaded.push(item);
        if (page.totalSize !== undefined) this.total = page.totalSize;
        const next = page.nextPageToken ?? '';
        const capped = kept.length < page.items.length ? this.budget.stop() : next !== '' ? this.budget.full() : undefined;
        if (capped) throw capped;
        if (next === '') {
          this.stateValue = 'done';
          return;
        }
        // An empty page pointing back at a token already sent is the empty-pages loop, not a repeat of data.
        if (this.usedTokens.has(next))
          throw new PagingLoopError(page.items.length === 0 ? 'emptyPages' : 'repeatedToken', this.loaded.length);
        this.token = next;
        if (page.items.length > 0) {
          this.emptyStreak = 0;
          this.stateValue = 'more';
          return;
        }
        // An empty page that promises more: follow it once without bothering the caller.
        if (++this.emptyStreak > PAGING_BOUNDS.maxEmptyPages) throw new PagingLoopError('emptyPages', this.loaded.length);
      }
    } catch (err) {
      this.stateValue = 'failed';
      this.lastError = err;
      throw err;
    }
  }
}

export interface CollectOptions extends WalkCaps {
  signal?: AbortSignal;
  /** Upper bound on requests; default PAGING_BOUNDS.maxPages. */
  maxPages?: number;
  onProgress?: (loaded: number, totalSize: number | undefined) => void;
  /** Return what was loaded when the walk hits a cap or loop guard (in `stopped`) instead of throwing. */
  keepOnStop?: boolean;
}

export interface Collected<T> {
  items: T[];
  totalSize: number | undefined;
  /** Why the walk ended early (only with keepOnStop): the items are what was loaded until then. */
  stopped?: PagingLoopError;
}

/** Walks every page (exports, role lists). Throws on the first error, AbortError included. */
export async function collectAll<T>(fetchPage: FetchPage<T>, options: CollectOptions = {}): Promise<Collected<T>> {
  const maxPages = options.maxPages ?? PAGING_BOUNDS.maxPages;
  const cursor = new PageCursor(fetchPage, options);
  try {
    while (cursor.hasMore) {
      if (cursor.pages >= maxPages) throw new PagingLoopError('tooManyPages', cursor.items.length);
      await cursor.loadNext(options.signal);
      options.onProgress?.(cursor.items.length, cursor.totalSize);
    }
  } catch (err) {
    if (options.keepOnStop && err instanceof PagingLoopError)
      return { items: [...cursor.items], totalSize: cursor.totalSize, stopped: err };
    throw err;
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
      ? new AccessError(msg('Huawei Cloud sent the same page of repositories again; stopped after {0} to avoid a loop.', loaded), [
          'showLogs',
        ])
      : new AccessError(msg('Huawei Cloud sent the same page of users again; stopped after {0} to avoid a loop.', loaded), ['showLogs']);
  }
  if (received === 0 && reportedTotal > loaded) {
    throw what === 'repositories'
      ? new AccessError(
          msg('Huawei Cloud sent an empty page although it reported {0} repositories; stopped after {1}.', reportedTotal, loaded),
          ['showLogs'],
        )
      : new AccessError(msg('Huawei Cloud sent an empty page although it reported {0} users; stopped after {1}.', reportedTotal, loaded), [
          'showLogs',
        ]);
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

/**
 * One page_no list (Huawei CodeArts) as the user loads it page by page: the items in order, each id once, within the
 * walk's caps. `accept` takes the next page, or throws why the walk ends (a loop, an empty page that hides items); a
 * cap reached keeps the items that fit and comes back as `capped`, the error to show after them.
 */
export class NumberedList<T> {
  readonly items: T[] = [];
  /** What the listing promises in all: a short page means the end, whatever the server's total says. */
  total = 0;
  private readonly ids = new Set<string>();
  private readonly budget: WalkBudget;

  constructor(
    readonly pageSize: number,
    private readonly what: NumberedItems,
    private readonly idOf: (item: T) => string,
    caps: WalkCaps = {},
  ) {
    this.budget = new WalkBudget(caps);
  }

  /** The page_no to request next. */
  get nextPageNo(): number {
    return nextPageNo(this.items.length, this.pageSize);
  }

  get hasMore(): boolean {
    return this.items.length < this.total;
  }

  /** Adds one answer (`page`, the server's `reportedTotal`): the items it added, and the cap error if one was reached. */
  accept(page: readonly T[], reportedTotal: number): { added: T[]; capped?: PagingLoopError } {
    const fresh = unlisted(page, (id) => this.ids.has(id), this.idOf);
    checkNumberedPage(page.length, fresh.length, reportedTotal, this.items.length, this.what);
    const kept = this.budget.admit(fresh);
    for (const item of kept) {
      this.ids.add(this.idOf(item));
      this.items.push(item);
    }
    this.total = totalAfterPage(page.length, this.pageSize, reportedTotal, this.items.length);
    return { added: kept, capped: kept.length < fresh.length ? this.budget.stop() : undefined };
  }
}
