import type { FakeServer } from '../../fake/server';
import { lastSeq, RecordedRequest, RequestFilter, selectRequests } from '../../fake/requestLog';

export { pageTokensSent, repeated } from '../../fake/requestLog';
export type { RecordedRequest } from '../../fake/requestLog';

export interface RequestWatch {
  /** Requests the fake received since the watch started, optionally of one procedure (or with other filters). */
  sent(procedure?: string, filter?: Omit<RequestFilter, 'after' | 'procedure'>): RecordedRequest[];
}

/** What goes over the wire from now on: `const wire = watchRequests(server); …; wire.sent('ListUsers')`. */
export function watchRequests(server: FakeServer): RequestWatch {
  const after = lastSeq(server.stats.requests);
  return { sent: (procedure, filter = {}) => selectRequests(server.stats.requests, { ...filter, procedure, after }) };
}

/**
 * Waits until the fake has received nothing for `quietMs` (at most `timeoutMs`), then starts a watch: views the
 * workbench shows reload by themselves after a refresh, and their late requests must not count for the next test.
 */
export async function watchRequestsWhenQuiet(server: FakeServer, quietMs = 300, timeoutMs = 10_000): Promise<RequestWatch> {
  const deadline = Date.now() + timeoutMs;
  let seen = lastSeq(server.stats.requests);
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) throw new Error(`the fake kept receiving requests for ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = lastSeq(server.stats.requests);
    if (now !== seen) [seen, since] = [now, Date.now()];
  }
  return watchRequests(server);
}
