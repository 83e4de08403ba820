import { createCosceneApi } from '../../../src/core/coscene/api';
import type { CosceneApi } from '../../../src/core/coscene/model';
import type { RequestEvent } from '../../../src/core/coscene/transport';
import type { HttpClient, HttpClientOptions } from '../../../src/core/http/types';
import { createHttpClient } from '../../../src/core/http/undiciHttpClient';
import { PageCursor } from '../../../src/core/paging';
import type { Page } from '../../../src/core/coscene/model';
import { API_KEY } from './dataset';

export const USER_AGENT = 'coscene-access/9.9.9-interop (vscode/1.99.0)';

export interface ExtensionClient {
  api: CosceneApi;
  http: HttpClient;
  events: RequestEvent[];
  /** Waits asked for between attempts (the sleep is instant, so retries cost no wall time). */
  sleeps: number[];
}

/** The extension's own client, as the adapter builds it, against `endpoint`. */
export function extensionClient(
  endpoint: string,
  options: { http?: HttpClientOptions; timeoutMs?: number; totalTimeoutMs?: number; realSleep?: boolean; random?: () => number } = {},
): ExtensionClient {
  const http = createHttpClient({ env: {}, userAgent: USER_AGENT, ...options.http });
  const events: RequestEvent[] = [];
  const sleeps: number[] = [];
  const api = createCosceneApi({
    endpoint,
    token: API_KEY,
    profileName: 'interop',
    http,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.totalTimeoutMs !== undefined ? { totalTimeoutMs: options.totalTimeoutMs } : {}),
    onRequest: (e) => events.push(e),
    ...(options.random ? { random: options.random } : {}),
    ...(options.realSleep ? {} : { sleep: async (ms: number) => void sleeps.push(ms) }),
  });
  return { api, http, events, sleeps };
}

/** Every item of a list, walked with the extension's own page cursor. */
export async function walk<T>(fetch: (pageToken: string) => Promise<Page<T>>): Promise<{ items: T[]; pages: number }> {
  const cursor = new PageCursor<T>((token) => fetch(token));
  for (let i = 0; i < 50 && cursor.hasMore; i++) {
    await cursor.loadNext();
    if (cursor.state === 'failed') throw cursor.error;
  }
  return { items: [...cursor.items], pages: cursor.pages };
}

/** The same walk with any page function (the control's). */
export async function walkPlain<T>(fetch: (pageToken: string) => Promise<Page<T>>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let token = '';
  let pages = 0;
  do {
    const page = await fetch(token);
    items.push(...page.items);
    token = page.nextPageToken;
    pages++;
  } while (token && pages < 50);
  return { items, pages };
}
