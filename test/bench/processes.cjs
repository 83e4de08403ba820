/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, setTimeout, clearTimeout, module */
'use strict';

// A bare `docker login` the bench compares the extension's registry login with. (The fake API as its own process:
// test/support/fakeApi.cjs.)
const { spawn } = require('node:child_process');

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

module.exports = { bareDockerLogin };
