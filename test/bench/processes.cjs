/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, process, setTimeout, clearTimeout, module */
'use strict';

// Child processes the bench starts: the fake API as its own process, and a bare `docker login` to compare with.
const { spawn } = require('node:child_process');
const path = require('node:path');

/** Starts `out/test/fake/cli.js` with `args` on a free port; resolves with its URL once it printed it. */
function startFakeProcess(root, args) {
  const child = spawn(process.execPath, [path.join(root, 'out/test/fake/cli.js'), '--port', '0', '--max-lifetime-ms', '600000', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ url: JSON.parse(line).url, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`fake exited ${code}`)));
  });
}

/** `<docker> login <host> --username <u> --password-stdin`, killed after 60 s; rejects with its stderr on failure. */
function bareDockerLogin(docker, host, { username, password }, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(docker, ['login', host, '--username', username, '--password-stdin'], { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdin.end(`${password}\n`);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`docker login exited ${code}: ${err}`));
    });
  });
}

module.exports = { startFakeProcess, bareDockerLogin };
