import { FakeServer } from '../../fake/server';
import { signRequest } from '../../fake/huawei/sign';

export const SERVICES = 'coscene.openapi.dataplatform.v1alpha1.services';

export function basic(key: string): string {
  return `Basic ${Buffer.from(`apikey:${key}`).toString('base64')}`;
}

export interface RpcResult {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** POST a Connect unary JSON call; `auth` is a full Authorization value (or undefined for none). */
export async function rpc(
  server: FakeServer,
  procedure: string,
  message: unknown,
  auth?: string,
  extraHeaders: Record<string, string> = {},
): Promise<RpcResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'connect-protocol-version': '1', ...extraHeaders };
  if (auth !== undefined) headers.authorization = auth;
  const res = await fetch(`${server.url}/${SERVICES}.${procedure}`, { method: 'POST', headers, body: JSON.stringify(message) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export interface HwResult {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

export async function hwFetch(url: string, init: RequestInit = {}): Promise<HwResult> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // leave empty: some tests look at raw text
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** GET signed with AK/SK (host, x-sdk-date and the given headers signed). */
export function signedGet(url: string, ak: string, sk: string, headers: Record<string, string> = {}, dateMs?: number): Promise<HwResult> {
  const signed = signRequest({ method: 'GET', url, headers, ak, sk, dateMs });
  delete signed.host; // fetch sets Host from the URL, which is what was signed
  return hwFetch(url, { headers: signed });
}
