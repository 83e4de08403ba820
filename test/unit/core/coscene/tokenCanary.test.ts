import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { createCosceneApi } from '../../../../src/core/coscene/api';
import { CosceneApiError } from '../../../../src/core/coscene/apiErrors';
import type { RequestEvent } from '../../../../src/core/coscene/transport';
import { createHttpClient } from '../../../../src/core/http/undiciHttpClient';
import { startLocalServer, type LocalServer } from '../http/localServer';

const CANARY = 'canary-TOKEN-0042x';
const CANARY_BASIC = Buffer.from(`apikey:${CANARY}`).toString('base64');

/** Everything a failure exposes as text: message, Msg args, detail, server message, and the log events. */
function exposedText(err: unknown, events: RequestEvent[]): string {
  const e = err as CosceneApiError;
  return [e.message, JSON.stringify(e.userMessage), e.detail, e.serverMessage, JSON.stringify(events)].join('\n');
}

describe('token canary: a failing request never exposes the token', () => {
  let server: LocalServer;
  const http = createHttpClient({ env: {} });
  after(() => http.close());
  afterEach(() => server?.close());

  // The server echoes the credentials back, as careless servers and proxies do.
  const echoing = (status: number, contentType: string, render: (auth: string) => string) => async () => {
    server = await startLocalServer((req, res) => {
      res.writeHead(status, { 'Content-Type': contentType });
      res.end(render(`${req.headers.authorization} / ${req.headers['x-cos-auth-token']} / ${CANARY}`));
    });
    return server.url;
  };

  const cases: [string, () => Promise<string>][] = [
    [
      '401 with a Connect body',
      echoing(401, 'application/json', (a) => JSON.stringify({ code: 'unauthenticated', message: `bad credentials ${a}` })),
    ],
    [
      '500 with a Connect body (after retries)',
      echoing(500, 'application/json', (a) => JSON.stringify({ code: 'internal', message: `panic: ${a}` })),
    ],
    ['502 with an HTML body', echoing(502, 'text/html', (a) => `<html><pre>${a}</pre></html>`)],
    ['200 with a non-JSON body', echoing(200, 'text/html', (a) => `<html>${a}</html>`)],
    [
      'connection refused',
      async () => {
        const probe = net.createServer();
        await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
        const port = (probe.address() as net.AddressInfo).port;
        await new Promise<void>((r) => probe.close(() => r()));
        return `http://127.0.0.1:${port}`;
      },
    ],
  ];

  for (const [label, start] of cases) {
    it(label, async () => {
      const endpoint = await start();
      const events: RequestEvent[] = [];
      const api = createCosceneApi({
        endpoint,
        token: CANARY,
        profileName: 'canary',
        http,
        onRequest: (e) => events.push(e),
        sleep: async () => undefined,
      });
      let caught: unknown;
      try {
        await api.listUsers({ pageSize: 10 });
      } catch (e) {
        caught = e;
      }
      assert.ok(caught instanceof Error, 'the call failed');
      assert.ok(events.length >= 1);
      const text = exposedText(caught, events);
      assert.ok(!text.includes(CANARY), `token leaked:\n${text}`);
      assert.ok(!text.includes(CANARY_BASIC), `Basic header leaked:\n${text}`);
    });
  }
});
