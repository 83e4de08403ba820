import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { msg } from '../../../../src/core/errors';
import { ExecutableNotFoundError } from '../../../../src/core/process/errors';
import { runProcess } from '../../../../src/core/process/runProcess';
import { loginArgv, logoutArgv } from '../../../../src/core/registry/argv';
import { containerClientMissingReason, findContainerClient } from '../../../integration/helpers/containerClient';
import { registryUnavailableReason, RegistryServer, startRegistryServer } from '../../../integration/helpers/registryServer';
import { skipBecause } from '../../../support/mochaRunner';

const node = process.execPath;

describe('process runner', function () {
  this.timeout(15_000);

  it('writes stdin, closes it, streams redacted stdout and returns the exit code', async () => {
    const streamed: string[] = [];
    const argvs: (readonly string[])[] = [];
    const script = 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{console.log("got "+JSON.stringify(s));process.exit(3)})';
    const result = await runProcess({
      executable: node,
      args: ['-e', script],
      stdin: 'hunter2-pass\n',
      secrets: ['hunter2-pass'],
      timeoutMs: 10_000,
      onStdout: (t) => streamed.push(t),
      onSpawn: (a) => argvs.push(a),
    });
    assert.equal(result.exitCode, 3);
    assert.equal(result.timedOut, false);
    assert.equal(result.stdout, 'got "***\\n"\n');
    assert.deepEqual(streamed, ['got "***\\n"\n']);
    assert.deepEqual(argvs, [[node, '-e', script]]);
  });

  it('masks a secret even when it arrives split across two writes', async () => {
    const script = 'process.stderr.write("pass=abc");setTimeout(()=>process.stderr.write("def-secret done\\nnext"),50)';
    const chunks: string[] = [];
    const result = await runProcess({
      executable: node,
      args: ['-e', script],
      secrets: ['abcdef-secret'],
      timeoutMs: 10_000,
      onStderr: (t) => chunks.push(t),
    });
    assert.equal(result.stderr, 'pass=*** done\nnext');
    assert.ok(!chunks.join('').includes('abc'), chunks.join(''));
  });

  it('runs the argument vector without a shell', async () => {
    const result = await runProcess({
      executable: node,
      args: ['-e', 'console.log(process.argv[1])', '$HOME; echo hi'],
      timeoutMs: 10_000,
    });
    assert.equal(result.stdout, '$HOME; echo hi\n');
  });

  it('kills the process when the timeout passes', async () => {
    const started = Date.now();
    const result = await runProcess({ executable: node, args: ['-e', 'setTimeout(()=>{},60000)'], timeoutMs: 300 });
    assert.equal(result.timedOut, true);
    assert.equal(result.exitCode, null);
    assert.ok(Date.now() - started < 5000);
  });

  it('cancellation kills the process and rejects with an AbortError', async () => {
    const controller = new AbortController();
    const running = runProcess({
      executable: node,
      args: ['-e', 'setTimeout(()=>{},60000)'],
      timeoutMs: 10_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(running, { name: 'AbortError' });
  });

  it('a missing executable is an ExecutableNotFoundError with the given advice', async () => {
    const advice = msg('Install Docker or set "coscene.registry.client".');
    await assert.rejects(
      runProcess({ executable: '/nonexistent/docker', args: ['login'], stdin: 'pw\n', timeoutMs: 5000, missingExecutable: advice }),
      (err: unknown) => {
        assert.ok(err instanceof ExecutableNotFoundError);
        assert.equal(err.executable, '/nonexistent/docker');
        assert.equal(err.message, 'Install Docker or set "coscene.registry.client".');
        return true;
      },
    );
  });
});

describe('process runner with the real docker CLI and registry', function () {
  this.timeout(60_000);
  const docker = findContainerClient('docker') ?? 'docker';
  const users = [{ username: 'alice', password: 'alice-registry-pw-1' }];
  let registry: RegistryServer | undefined;
  let dockerConfig: string;

  before(async function () {
    const reason = registryUnavailableReason() ?? containerClientMissingReason('docker');
    if (reason) skipBecause(this, reason);
    registry = await startRegistryServer(users);
    dockerConfig = mkdtempSync(join(tmpdir(), 'coscene-docker-config-'));
  });

  after(async () => {
    await registry?.stop();
    if (dockerConfig) rmSync(dockerConfig, { recursive: true, force: true });
  });

  const env = () => ({ ...process.env, DOCKER_CONFIG: dockerConfig });
  const auths = () => (JSON.parse(readFileSync(join(dockerConfig, 'config.json'), 'utf8')) as { auths: Record<string, unknown> }).auths;

  it('logs in with the password on stdin and docker stores the auth entry', async () => {
    const host = registry!.host;
    const streamed: string[] = [];
    const result = await runProcess({
      executable: docker,
      args: loginArgv(host, 'alice'),
      stdin: `${users[0].password}\n`,
      secrets: [users[0].password],
      env: env(),
      timeoutMs: 30_000,
      onStdout: (t) => streamed.push(t),
      onStderr: (t) => streamed.push(t),
    });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /Login Succeeded/);
    assert.ok(host in auths(), JSON.stringify(auths()));
    assert.ok(!streamed.join('').includes(users[0].password));
  });

  it("a wrong password fails with docker's 401 message on stderr", async () => {
    const result = await runProcess({
      executable: docker,
      args: loginArgv(registry!.host, 'alice'),
      stdin: 'not-the-password\n',
      secrets: ['not-the-password'],
      env: env(),
      timeoutMs: 30_000,
    });
    assert.notEqual(result.exitCode, 0);
    assert.match(result.stderr, /401 Unauthorized/);
  });

  it('logout removes the auth entry', async () => {
    const result = await runProcess({ executable: docker, args: logoutArgv(registry!.host), env: env(), timeoutMs: 30_000 });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.ok(!(registry!.host in auths()));
  });
});
