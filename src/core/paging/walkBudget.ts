import { AccessError, msg } from '../errors';

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
