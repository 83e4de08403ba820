/** Test doubles: a node:http client for the HttpClient seam, a 127.0.0.1 server, and an independent §2.7 signature check. */
import { createHash, createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { HttpClient, HttpResponse } from '../../../../src/core/http/types';
import { REPO_ROOT } from '../../../support/repoRoot';

export interface ReceivedRequest {
  method: string;
  /** path and query as received */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export interface TestServer {
  baseUrl: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startServer(handle: (req: ReceivedRequest) => Reply): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(received);
      const reply = handle(received);
      res.sendDate = false; // a scripted reply carries only the headers the test gives (Date included)
      res.writeHead(reply.status, { 'content-type': 'application/json;charset=UTF-8', ...reply.headers });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function nodeHttpClient(): HttpClient {
  const agent = new http.Agent({ keepAlive: false });
  return {
    request: (req) =>
      new Promise<HttpResponse>((resolve, reject) => {
        const r = http.request(req.url, { method: req.method, headers: req.headers, agent, signal: req.signal }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v ?? '');
            resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
          });
        });
        r.on('error', reject);
        r.end(req.body);
      }),
    close: async () => agent.destroy(),
  };
}

export function readFixture(name: string): string {
  // Compiled tests run from out/test/unit/core/huawei; fixtures stay in the source tree.
  const candidates = [path.join(__dirname, 'fixtures', name), path.join(REPO_ROOT, 'test/unit/core/huawei/fixtures', name)];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`fixture ${name} not found`);
  return fs.readFileSync(found, 'utf8');
}

const AUTH = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

/** Written from contract §2.7 without the production signer, so a shared misunderstanding cannot pass unnoticed. */
export function verifyAkSk(
  req: ReceivedRequest,
  secrets: Record<string, string>,
): { ok: true; ak: string; signed: string[] } | { ok: false; why: string } {
  const m = AUTH.exec(String(req.headers.authorization ?? ''));
  if (!m) return { ok: false, why: 'authorization format' };
  const [, ak, signedList, signature] = m;
  const signed = signedList.split(';');
  const date = req.headers['x-sdk-date'];
  if (!signed.includes('x-sdk-date') || typeof date !== 'string') return { ok: false, why: 'x-sdk-date not signed' };
  const sk = secrets[ak];
  if (!sk) return { ok: false, why: 'unknown ak' };
  const enc = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const [rawPath, rawQuery = ''] = req.url.split('?');
  const uri =
    rawPath
      .split('/')
      .map((s) => enc(decodeURIComponent(s)))
      .join('/') + (rawPath.endsWith('/') ? '' : '/');
  const query = rawQuery
    ? rawQuery
        .split('&')
        .map((p) => p.split('=').map(decodeURIComponent))
        .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
        .map(([k, v = '']) => `${enc(k)}=${enc(v)}`)
        .join('&')
    : '';
  const headerLines = signed.map((h) => `${h}:${String(req.headers[h] ?? '').trim()}\n`).join('');
  const bodyHash = createHash('sha256').update(req.body, 'utf8').digest('hex');
  const canonical = [req.method, uri, query, headerLines, signedList, bodyHash].join('\n');
  const sts = `SDK-HMAC-SHA256\n${date}\n${createHash('sha256').update(canonical).digest('hex')}`;
  const expected = createHmac('sha256', sk).update(sts).digest('hex');
  return expected === signature ? { ok: true, ak, signed } : { ok: false, why: 'signature mismatch' };
}

export const json = (value: unknown): string => JSON.stringify(value);
