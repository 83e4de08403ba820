import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMsg } from '../../../../src/core/errors';
import { authHosts, hasStoredLogin, loginAge, loginStoreFiles, readBounded } from '../../../../src/core/registry/loginStore';

describe('registry login store (docker config reader)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coscene-login-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (file: string, text: string | Buffer): string => {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  const home = () => join(dir, 'home');

  it('docker reads $DOCKER_CONFIG/config.json, else ~/.docker/config.json', () => {
    assert.deepEqual(loginStoreFiles('/usr/bin/docker', { env: { DOCKER_CONFIG: '/cfg' }, home: '/h' }), [join('/cfg', 'config.json')]);
    assert.deepEqual(loginStoreFiles('docker', { env: {}, home: '/h' }), [join('/h', '.docker', 'config.json')]);
  });

  it("podman reads REGISTRY_AUTH_FILE or $XDG_RUNTIME_DIR/containers/auth.json, then docker's", () => {
    const docker = join('/h', '.docker', 'config.json');
    assert.deepEqual(loginStoreFiles('/usr/bin/podman', { env: { REGISTRY_AUTH_FILE: '/a.json' }, home: '/h' }), ['/a.json', docker]);
    assert.deepEqual(loginStoreFiles('podman', { env: { XDG_RUNTIME_DIR: '/run/user/1' }, home: '/h' }), [
      join('/run/user/1', 'containers', 'auth.json'),
      docker,
    ]);
    assert.deepEqual(loginStoreFiles('podman', { env: {}, home: '/h' }), [docker]);
  });

  it('authHosts: the keys of auths; anything else is no login', () => {
    assert.deepEqual(authHosts('{"auths":{"cr.example.com":{"auth":"x"},"b:5000":{}}}'), ['cr.example.com', 'b:5000']);
    for (const text of ['', 'not json', 'null', '[]', '{"auths":[]}', '{"auths":null}', '{"auths":"x"}', '{}', '{"credsStore":"desktop"}'])
      assert.deepEqual(authHosts(text), [], text);
  });

  it('holds the login when auths[host] is there (credsStore entries are empty objects)', async () => {
    write(join(dir, 'docker', 'config.json'), JSON.stringify({ auths: { 'cr.example.com': {} }, credsStore: 'desktop' }));
    const where = { env: { DOCKER_CONFIG: join(dir, 'docker') }, home: home() };
    assert.equal(await hasStoredLogin('cr.example.com', 'docker', where), true);
    assert.equal(await hasStoredLogin('other.example.com', 'docker', where), false);
  });

  it('a missing, malformed, oversized or directory config means not logged in, never a throw', async () => {
    const where = { env: { DOCKER_CONFIG: join(dir, 'docker') }, home: home() };
    assert.equal(await hasStoredLogin('h', 'docker', where), false); // missing
    write(join(dir, 'docker', 'config.json'), '{"auths": {"h": ');
    assert.equal(await hasStoredLogin('h', 'docker', where), false); // malformed
    write(join(dir, 'docker', 'config.json'), JSON.stringify({ auths: { h: {} }, pad: 'x'.repeat(200) }));
    assert.equal(await hasStoredLogin('h', 'docker', where), true);
    assert.equal(await hasStoredLogin('h', 'docker', where, 100), false); // larger than the bound: not read
    rmSync(join(dir, 'docker', 'config.json'));
    mkdirSync(join(dir, 'docker', 'config.json'));
    assert.equal(await hasStoredLogin('h', 'docker', where), false); // a directory
    assert.equal(await readBounded(join(dir, 'docker', 'config.json')), undefined);
  });

  it("podman's own auth file counts, and docker's after it", async () => {
    const auth = write(join(dir, 'run', 'containers', 'auth.json'), JSON.stringify({ auths: { p: {} } }));
    write(join(home(), '.docker', 'config.json'), JSON.stringify({ auths: { d: {} } }));
    const where = { env: { XDG_RUNTIME_DIR: join(dir, 'run') }, home: home() };
    assert.equal(await hasStoredLogin('p', 'podman', where), true);
    assert.equal(await hasStoredLogin('d', 'podman', where), true);
    assert.equal(await hasStoredLogin('p', 'docker', where), false);
    assert.ok(auth);
  });

  it('loginAge: just now, minutes, hours, days; a clock set back reads just now', () => {
    const t = 1_000_000_000;
    const age = (ms: number) => formatMsg(loginAge(t, t + ms));
    assert.equal(age(-5000), 'Logged in just now');
    assert.equal(age(59_000), 'Logged in just now');
    assert.equal(age(60_000), 'Logged in 1 minute ago');
    assert.equal(age(5 * 60_000 + 30_000), 'Logged in 5 minutes ago');
    assert.equal(age(60 * 60_000), 'Logged in 1 hour ago');
    assert.equal(age(47 * 3600_000), 'Logged in 47 hours ago');
    assert.equal(age(72 * 3600_000), 'Logged in 3 days ago');
  });
});
