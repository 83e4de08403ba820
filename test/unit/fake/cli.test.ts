import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { FAKE_COSCENE } from '../../fake/server';
import { basic, SERVICES } from './helpers';

const CLI = join(__dirname, '..', '..', 'fake', 'cli.js');

function startCli(args: string[]): Promise<{ child: ChildProcess; url: string; firstLine: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('cli did not print its address')), 5000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const newline = out.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      const firstLine = out.slice(0, newline);
      resolve({ child, url: (JSON.parse(firstLine) as { url: string }).url, firstLine });
    });
    child.once('exit', (code) => reject(new Error(`cli exited early with ${code}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

describe('fake: CLI', function () {
  this.timeout(10_000);

  it('prints one JSON line with url and port, serves, and stops on SIGTERM', async () => {
    const { child, url, firstLine } = await startCli(['--port', '0', '--latency', '0', '--seed-users', '50']);
    try {
      const parsed = JSON.parse(firstLine) as { url: string; port: number };
      assert.deepEqual(Object.keys(parsed), ['url', 'port']);
      assert.equal(parsed.url, `http://127.0.0.1:${parsed.port}`);
      const res = await fetch(`${url}/${SERVICES}.UserService/ListUsers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: basic(FAKE_COSCENE.adminToken) },
        body: '{}',
      });
      assert.equal(((await res.json()) as { totalSize: string }).totalSize, '50');
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited(child), 0);
  });

  it('exits by itself after --max-lifetime-ms', async () => {
    const { child } = await startCli(['--max-lifetime-ms', '200']);
    assert.equal(await exited(child), 0);
  });

  it('rejects unknown options with a non-zero exit', async () => {
    const child = spawn(process.execPath, [CLI, '--bogus', '1'], { stdio: 'ignore' });
    assert.equal(await exited(child), 1);
  });
});
