/** docker/podman get a minimal environment, start in the home folder, and are found on PATH only. */
import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { resolveExecutable } from '../../../../src/core/process/childEnvironment';
import { ExecutableNotFoundError } from '../../../../src/core/process/errors';
import { runProcess } from '../../../../src/core/process/runProcess';

/** A `#!/bin/sh` script that prints its environment and working directory as JSON lines. */
function reporter(dir: string, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, `#!${process.execPath}\nconsole.log(JSON.stringify({ env: process.env, cwd: process.cwd() }));\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('child processes: environment, working directory, executable', function () {
  this.timeout(15_000);
  let dir: string;
  const saved = { ...process.env };
  const savedCwd = process.cwd();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coscene-child-'));
  });
  afterEach(() => {
    process.chdir(savedCwd);
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes PATH, HOME, DOCKER_CONFIG, proxies and locale; not COS_TOKEN, VSCODE_* or NODE_OPTIONS; starts in the home folder', async () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    reporter(bin, 'fakeclient');
    Object.assign(process.env, {
      PATH: `${bin}:${dirname(process.execPath)}:/usr/bin:/bin`,
      DOCKER_CONFIG: join(dir, 'docker'),
      HTTPS_PROXY: 'http://proxy.example:3128',
      LC_ALL: 'zh_CN.UTF-8',
      COS_TOKEN: 'cos-token-must-not-pass',
      VSCODE_IPC_HOOK_CLI: '/tmp/vscode-ipc.sock',
      NODE_OPTIONS: '--require /tmp/evil.js',
      ELECTRON_RUN_AS_NODE: '1',
    });
    process.chdir(dir);
    const result = await runProcess({ executable: 'fakeclient', args: [], timeoutMs: 10_000 });
    const { env, cwd } = JSON.parse(result.stdout) as { env: Record<string, string>; cwd: string };
    for (const key of ['PATH', 'HOME', 'DOCKER_CONFIG', 'HTTPS_PROXY', 'LC_ALL']) assert.equal(env[key], process.env[key], key);
    for (const key of ['COS_TOKEN', 'VSCODE_IPC_HOOK_CLI', 'NODE_OPTIONS', 'ELECTRON_RUN_AS_NODE']) assert.equal(env[key], undefined, key);
    assert.equal(cwd, homedir());
  });

  it('never runs a same-named executable from the current directory, even with "." or an empty entry in PATH', async () => {
    reporter(dir, 'docker-lookalike');
    process.chdir(dir);
    process.env.PATH = `.::${dirname(process.execPath)}:/usr/bin:/bin`;
    await assert.rejects(runProcess({ executable: 'docker-lookalike', args: [], timeoutMs: 10_000 }), ExecutableNotFoundError);
    assert.equal(resolveExecutable('docker-lookalike', process.env), undefined);
    assert.equal(resolveExecutable('./docker-lookalike', process.env), undefined, 'a relative path is refused too');
  });

  it('resolves a bare name to the absolute path of the first executable match on PATH (Windows: with PATHEXT)', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    mkdirSync(a);
    mkdirSync(b);
    writeFileSync(join(a, 'tool'), 'not executable');
    reporter(b, 'tool');
    assert.equal(resolveExecutable('tool', { PATH: `${a}:${b}` }, 'linux'), join(b, 'tool'));
    writeFileSync(join(a, 'tool.EXE'), '');
    assert.equal(resolveExecutable('tool', { PATH: `relative;${a}`, PATHEXT: '.COM;.EXE' }, 'win32'), join(a, 'tool.EXE'));
  });
});
