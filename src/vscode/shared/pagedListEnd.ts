import * as vscode from 'vscode';
import { type PageCursor, PagingLoopError } from '../../core/paging';
import { localize } from './errors';
import { ErrorNode, LoadMoreNode, MessageNode } from './nodes';

export interface PagedListEndOptions {
  /** The command "Load more…" runs (it fetches the next page); `title` is the row's. */
  loadMore(title: string): vscode.Command;
  /** The command Retry runs after a failure; default `loadMore` (resume where the list stopped). */
  retry?(title: string): vscode.Command;
  /** The row shown when the whole list is loaded and empty ("No users"). */
  empty: string;
  /** What that row offers (a filter's Clear Filter): run on click, and its context value for the row's menus. */
  emptyAction?: { command: vscode.Command; contextValue: string; icon?: string };
  /** The list's tree id: the rows get ids below it (a tree with ids needs one on every row). None: no ids. */
  id?: string;
}

/** Where a paged list stands, whatever its paging (page tokens or page numbers). */
export interface ListEndState {
  /** Why the last page could not be read; undefined when it was. */
  error?: unknown;
  hasMore: boolean;
  loaded: number;
  /** What the server says the list holds in all, when it says. */
  total?: number;
}

/**
 * What follows a paged list's loaded rows: "Load more…" (with "40 of 120"), an error row with Retry, a paging-loop
 * warning (no Retry: the server would send the same page again), the empty message, or nothing. Both kinds of
 * list use it: the token-paged coScene lists (`cursorEnd`) and the page-numbered Huawei ones.
 */
export function listEnd(state: ListEndState, options: PagedListEndOptions): vscode.TreeItem[] {
  const id = options.id === undefined ? undefined : `${options.id}/end`;
  const err = state.error;
  if (err !== undefined) {
    if (err instanceof Error && err.name === 'AbortError') return [];
    if (err instanceof PagingLoopError) return [withId(new MessageNode(localize(err.userMessage), 'warning'), id)];
    const retry = (options.retry ?? options.loadMore)(vscode.l10n.t('Retry'));
    return [errorWithIds(new ErrorNode(err, retry), id)];
  }
  if (state.hasMore) {
    const progress = state.total === undefined ? String(state.loaded) : vscode.l10n.t('{0} of {1}', state.loaded, state.total);
    return [withId(new LoadMoreNode(options.loadMore(vscode.l10n.t('Load more…')), progress), id)];
  }
  return state.loaded === 0 ? [withId(emptyRow(options), id)] : [];
}

function emptyRow({ empty, emptyAction }: PagedListEndOptions): MessageNode {
  const node = new MessageNode(empty, emptyAction?.icon ?? 'info');
  if (emptyAction) {
    node.command = emptyAction.command;
    node.contextValue = emptyAction.contextValue;
    node.tooltip = emptyAction.command.tooltip ?? emptyAction.command.title;
  }
  return node;
}

/** listEnd for a page-token cursor. */
export function pagedListEnd<T>(cursor: PageCursor<T>, options: PagedListEndOptions): vscode.TreeItem[] {
  return listEnd(
    {
      error: cursor.state === 'failed' ? (cursor.error ?? new Error('failed')) : undefined,
      hasMore: cursor.hasMore,
      loaded: cursor.items.length,
      total: cursor.totalSize,
    },
    options,
  );
}

export function withId<T extends vscode.TreeItem>(node: T, id: string | undefined): T {
  if (id !== undefined) node.id = id;
  return node;
}

/** An error row and its action rows, with ids under `id`. */
export function errorWithIds(node: ErrorNode, id: string | undefined): ErrorNode {
  if (id === undefined) return node;
  node.id = id;
  node.children.forEach((child, i) => (child.id = `${id}/action/${i}`));
  return node;
}
