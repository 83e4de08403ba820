/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, __dirname, process, console, setTimeout */
'use strict';
// Registry login rebuilt from core calls in plain Node (CreateBasicCredential against the fake with injected latency,
// then runProcess `docker login <host> --username <u> --password-stdin`) vs a bare `docker login --password-stdin`,
// both against a real local registry (Debian docker-registry, htpasswd) on 127.0.0.1, temp DOCKER_CONFIG. This is
// not the command (no VS Code, no progress, no notification): the command is timed in code-server (userPath.mjs).
// Usage: node registry.cjs <latencyMs> <runs>. Prints one JSON line (or {"skipped": reason}).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const out = path.join(root, 'out');
const latency = Number(process.argv[2] ?? 50);
const runs = Math.min(20, Number(process.argv[3] ?? 7));
// The tests' one finder: the first docker on PATH (npm test installs Debian's docker.io when there is none).
const { containerClientMissingReason, findContainerClient } = require(path.join(out, 'test/integration/helpers/containerClient.js'));
const DOCKER = findContainerClient('docker');
const { startFakeApi } = require('../support/fakeApi.cjs');
const { bareDockerLogin } = require('./processes.cjs');
const now = () => Number(process.hrtime.bigint()) / 1e6;

async function main() {
  const { registryUnavailableReason, startRegistryServer } = require(path.join(out, 'test/integration/helpers/registryServer.js'));
  const why = registryUnavailableReason() ?? containerClientMissingReason('docker');
  if (why) {
    process.stdout.write(`${JSON.stringify({ skipped: why })}\n`);
    return;
  }
  const { FAKE_COSCENE } = require(path.join(out, 'test/fake/server.js'));
  const { createCosceneApi } = require(path.join(out, 'src/core/coscene/api.js'));
  const { runProcess } = require(path.join(out, 'src/core/process/runProcess.js'));
  const { loginArgv } = require(path.join(out, 'src/core/registry/argv.js'));

  const cred = { username: 'bench-robot', password: 'bench-Secret-0123456789' };
  const registry = await startRegistryServer([cred], { maxLifetimeMs: 5 * 60_000 });
  const fake = await startFakeApi({
    inProcess: true, // it hands out registryCredentials
    latencyMs: latency,
    registryCredentials: Array.from({ length: runs * 2 + 4 }, () => cred),
    maxLifetimeMs: 5 * 60_000,
  });
  const dockerConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'coscene-bench-docker-'));
  const env = { ...process.env, DOCKER_CONFIG: dockerConfig };
  const http = require('./httpChunk.cjs').createChunkHttpClient({});
  try {
    const api = createCosceneApi({ endpoint: fake.url, token: FAKE_COSCENE.adminToken, profileName: 'bench', http });
    const coreCalls = async () => {
      const t = now();
      const { username, password } = await api.createBasicCredential();
      const r = await runProcess({
        executable: DOCKER,
        args: loginArgv(registry.host, username),
        stdin: `${password}\n`,
        secrets: [password],
        env,
        timeoutMs: 60_000,
      });
      if (r.exitCode !== 0) throw new Error(`docker login failed: ${r.stderr}`);
      return now() - t;
    };
    const bare = async () => {
      const t = now();
      await bareDockerLogin(DOCKER, registry.host, cred, env);
      return now() - t;
    };
    await bare(); // warm up (page cache, registry)
    await coreCalls(); // and the HTTP chunk
    const result = { latency, runs, coreCallsMs: [], bareMs: [] };
    for (let i = 0; i < runs; i++) {
      // Alternate the order so drift in machine load hits both sides alike.
      if (i % 2 === 0) {
        result.coreCallsMs.push(await coreCalls());
        result.bareMs.push(await bare());
      } else {
        result.bareMs.push(await bare());
        result.coreCallsMs.push(await coreCalls());
      }
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await http.close();
    await fake.stop();
    await registry.stop();
    fs.rmSync(dockerConfig, { recursive: true, force: true });
  }
}

const guard = setTimeout(() => {
  console.error('registry bench: 5 min limit');
  process.exit(2);
}, 300_000);
guard.unref();
main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
