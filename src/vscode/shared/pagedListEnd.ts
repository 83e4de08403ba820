import * as vscode from 'vscode';
import { type PageCursor, PagingLoopError } from '../../core/paging';
import { localize } from './errors';
import { ErrorNode, LoadMoreNode, MessageNode } from './nodes';

export interface PagedListEndOptions {
  /** The command "Load more…" and Retry run (it fetches the cursor's next page); `title` is the row's. */
  loadMore(title: string): vscode.Command;
  /** The row shown when the whole list is loaded and empty ("No users"). */
  empty: string;
  /** The list's tree id: the rows get ids below it (a tree with ids needs one on every row). */
  id: string;
}

/**
 * What follows a paged list's loaded rows: "Load more…" (with "40 of 120"), an error row with Retry, a paging-loop
 * warning (no Retry: the server would send the same page again), the empty message, or nothing.
 */
export function pagedListEnd<T>(cursor: PageCursor<T>, options: PagedListEndOptions): vscode.TreeItem[] {
  const id = `${options.id}/end`;
  if (cursor.state === 'failed') {
    const err = cursor.error;
    if (err instanceof Error && err.name === 'AbortError') return [];
    if (err instanceof PagingLoopError) return [withId(new MessageNode(localize(err.userMessage), 'warning'), id)];
    return [errorWithIds(new ErrorNode(err, options.loadMore(vscode.l10n.t('Retry'))), id)];
  }
  if (cursor.hasMore) {
    const loaded = cursor.items.length;
    const progress = cursor.totalSize === undefined ? String(loaded) : vscode.l10n.t('{0} of {1}', loaded, cursor.totalSize);
    return [withId(new LoadMoreNode(options.loadMore(vscode.l10n.t('Load more…')), progress), id)];
  }
  return cursor.items.length === 0 ? [withId(new MessageNode(options.empty), id)] : [];
}

export function withId<T extends vscode.TreeItem>(node: T, id: string): T {
  node.id = id;
  return node;
}

/** An error row and its action rows, with ids under `id`. */
export function errorWithIds(node: ErrorNode, id: string): ErrorNode {
  node.id = id;
  node.children.forEach((child, i) => (child.id = `${id}/action/${i}`));
  return node;
}
