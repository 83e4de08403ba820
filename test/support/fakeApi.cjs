/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, module, process, __dirname, setTimeout, clearTimeout */
'use strict';
// The one way the tooling (test/tools) and the bench (test/bench) start the fake coScene + Huawei API (test/fake,
// compiled by `tsc -p .`). Plain CommonJS, so .mjs and .cjs scripts load it without a build step of their own.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** The compiled fake, whether this file runs from test/support or from out/test/support. */
const OUT =
  path.basename(path.resolve(__dirname, '..', '..')) === 'out'
    ? path.resolve(__dirname, '..', '..')
    : path.resolve(__dirname, '..', '..', 'out');
const FAKE_CLI = path.join(OUT, 'test', 'fake', 'cli.js');
const FAKE_SERVER = path.join(OUT, 'test', 'fake', 'server.js');

/** A child process with `exited` ({ code, signal }) and `stop()` (SIGTERM): the shape of test/tools/proc.mjs startProcess. */
function startChild(command, args, options) {
  const child = spawn(command, args, options);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return { child, exited, stop };
}

/**
 * Starts the fake API on a free 127.0.0.1 port and resolves once it listens with { url (no trailing slash), port,
 * exited, stop() }. It stops by itself after `maxLifetimeMs` either way.
 *
 * By default in its own process (`node out/test/fake/cli.js`: its CPU stays off the caller's event loop), started with
 * `startProcess` (test/tools/proc.mjs passes its own, which stops the child with the script). With `inProcess: true`
 * it runs in this process (startFakeServer) and `server` is the FakeServer, for what the CLI cannot do: hand out
 * `registryCredentials`, read the request log and the seeded data.
 *
 * @param {{ inProcess?: boolean, latencyMs?: number, seedUsers?: number, seedProjects?: { count: number, members: number },
 *   registryCredentials?: { username: string, password: string }[], maxLifetimeMs?: number, startTimeoutMs?: number,
 *   startProcess?: typeof startChild }} [options]
 */
async function startFakeApi({
  inProcess = false,
  latencyMs,
  seedUsers,
  seedProjects,
  registryCredentials,
  maxLifetimeMs = 8 * 60 * 60_000,
  startTimeoutMs = 30_000,
  startProcess = startChild,
} = {}) {
  const compiled = inProcess ? FAKE_SERVER : FAKE_CLI;
  if (!fs.existsSync(compiled)) throw new Error(`${compiled} is missing: run tsc -p . first`);
  if (inProcess) {
    const { startFakeServer } = require(FAKE_SERVER);
    const server = await startFakeServer({ port: 0, latencyMs, seedUsers, seedProjects, registryCredentials, maxLifetimeMs });
    let markExited;
    const exited = new Promise((resolve) => (markExited = resolve));
    const stop = async () => {
      await server.close();
      markExited({ code: 0, signal: null });
    };
    return { url: server.url.replace(/\/$/, ''), port: server.port, exited, stop, server };
  }
  if (registryCredentials) throw new Error('registryCredentials need the fake in this process (inProcess: true)');
  const args = [FAKE_CLI, '--port', '0', '--max-lifetime-ms', String(maxLifetimeMs)];
  if (latencyMs !== undefined) args.push('--latency', String(latencyMs));
  if (seedUsers !== undefined) args.push('--seed-users', String(seedUsers));
  if (seedProjects) args.push('--seed-projects', String(seedProjects.count), '--project-members', String(seedProjects.members));
  const fake = startProcess(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  // The CLI prints one JSON line {"url","port"} once it listens, and nothing else.
  const line = await new Promise((resolve) => {
    let buffered = '';
    const timer = setTimeout(resolve, startTimeoutMs, undefined);
    fake.child.stdout.on('data', (data) => {
      buffered += data;
      const found = buffered
        .split('\n')
        .slice(0, -1)
        .find((l) => l.startsWith('{'));
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    fake.exited.then(() => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
  if (!line) {
    await fake.stop();
    throw new Error(`the fake API did not report its URL within ${startTimeoutMs / 1000} s`);
  }
  const { url, port } = JSON.parse(line);
  return { url: url.replace(/\/$/, ''), port, exited: fake.exited, stop: () => fake.stop() };
}

module.exports = { startFakeApi };
