import type { Page } from '../coscene/model';
import { PAGING_BOUNDS, PagingLoopError, WalkBudget, type WalkCaps } from './walkBudget';

/** Fetches the page that starts at `pageToken` ('' = the first page). */
export type FetchPage<T> = (pageToken: string, signal?: AbortSignal) => Promise<Page<T>>;

export type CursorState = 'initial' | 'loading' | 'more' | 'done' | 'failed';

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
