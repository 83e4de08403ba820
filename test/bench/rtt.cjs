/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, module, Buffer, setTimeout, clearTimeout */
'use strict';
// The yardstick of every "n RTT + c" target: one round trip to the fake measured with a bare `node:http` request,
// none of the product's code on the path (its client's own overhead must not raise its own targets). A warm keep-alive
// connection, the same small request the client sends for GetOrganization (Connect unary JSON POST, same headers),
// `samples` timed requests after `warmup` untimed ones. Each answer must be HTTP 200 with the organization, or the
// measurement fails (a quick 401 or 404 is no round trip through the fake's injected latency).
const http = require('node:http');
const { performance } = require('node:perf_hooks');

const PROCEDURE = '/coscene.openapi.dataplatform.v1alpha1.services.OrganizationService/GetOrganization';
const BODY = JSON.stringify({ name: 'organizations/current' });

/** cocli's rule, as the client applies it: a three-part token is a JWT (Bearer), anything else an API key (Basic). */
const authValue = (token) =>
  token.split('.').length === 3 ? `Bearer ${token}` : `Basic ${Buffer.from(`apikey:${token}`, 'utf8').toString('base64')}`;

function post(agent, url, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.once('error', reject);
      res.once('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) return reject(new Error(`bare RTT: HTTP ${res.statusCode} from the fake: ${text.slice(0, 200)}`));
        let body;
        try {
          body = JSON.parse(text);
        } catch {
          return reject(new Error(`bare RTT: not JSON: ${text.slice(0, 200)}`));
        }
        if (typeof body?.name !== 'string') return reject(new Error(`bare RTT: no organization in ${text.slice(0, 200)}`));
        resolve();
      });
    });
    const timer = setTimeout(() => req.destroy(new Error('bare RTT: no answer in 30 s')), 30_000);
    req.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(BODY);
  });
}

/** Milliseconds per round trip (`samples` of them) from a bare keep-alive `node:http` POST of GetOrganization to `endpoint`. */
async function bareRtt(endpoint, token, { samples = 9, warmup = 2 } = {}) {
  const url = `${endpoint.replace(/\/+$/, '')}${PROCEDURE}`;
  const auth = authValue(token);
  const headers = {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(BODY)),
    'Connect-Protocol-Version': '1',
    Authorization: auth,
    'x-cos-auth-token': auth,
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = 0; i < warmup; i++) await post(agent, url, headers);
    const times = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      await post(agent, url, headers);
      times.push(performance.now() - t);
    }
    return times;
  } finally {
    agent.destroy();
  }
}

module.exports = { bareRtt };
