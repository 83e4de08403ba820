import { AccessError, msg } from '../errors';
import { PagingLoopError, WalkBudget, type WalkCaps } from './walkBudget';

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
