// What the demo, the UI tests and the bench point at the fake coScene + Huawei API (started with
// test/support/fakeApi.cjs): a throw-away cocli config, settings, a local registry. Needs `tsc -p .` first.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

const require = createRequire(import.meta.url);

export function fakeSeed() {
  const { FAKE_COSCENE } = require(join(ROOT, 'out', 'test', 'fake', 'seed', 'coscene.js'));
  const { FAKE_HUAWEI } = require(join(ROOT, 'out', 'test', 'fake', 'seed', 'huawei.js'));
  return { FAKE_COSCENE, FAKE_HUAWEI };
}

/** A cocli config with one profile "demo" on the fake (admin token, project mcap). */
export function writeDemoCocliConfig(path, fakeUrl) {
  const { FAKE_COSCENE } = fakeSeed();
  const yaml = [
    'current-profile: demo',
    'profiles:',
    '  - name: demo',
    `    endpoint: ${fakeUrl}`,
    `    token: ${FAKE_COSCENE.adminToken}`,
    '    project: mcap',
    '',
  ].join('\n');
  writeFileSync(path, yaml, { mode: 0o600 });
  return path;
}

/** User settings that point the extension at the fake: cocli file and Huawei endpoints. */
export function fakeSettings(cocliPath, fakeUrl) {
  return {
    'coscene.cocliConfigPath': cocliPath,
    'coscene.huawei.endpoint': fakeUrl,
    'coscene.huawei.iamEndpoint': fakeUrl,
  };
}

/**
 * code-server's workbench is a remote window: settings with `"scope": "machine"` (the Huawei endpoints,
 * coscene.registry.host, …) are ignored in the User settings there and read from the remote machine's
 * settings file instead. Writes `settings` to <user-data-dir>/Machine/settings.json.
 */
export function writeMachineSettings(dirs, settings) {
  mkdirSync(join(dirs.userData, 'Machine'), { recursive: true });
  writeFileSync(join(dirs.userData, 'Machine', 'settings.json'), JSON.stringify(settings, null, 2));
}

const CLIENT_HELPER = join(ROOT, 'out', 'test', 'integration', 'helpers', 'containerClient.js');
const REGISTRY_HELPER = join(ROOT, 'out', 'test', 'integration', 'helpers', 'registryServer.js');

/**
 * A real Docker registry (Debian docker-registry, htpasswd auth) on 127.0.0.1 that knows one user, for the fake's
 * CreateBasicCredential to hand out; or why there is none ({ skip }). Needs `tsc -p .` first.
 */
export async function startLocalRegistry(maxLifetimeMs) {
  if (!existsSync(REGISTRY_HELPER)) return { skip: `${REGISTRY_HELPER} is missing` };
  const { registryUnavailableReason, startRegistryServer } = require(REGISTRY_HELPER);
  const { containerClientMissingReason } = require(CLIENT_HELPER);
  const reason = registryUnavailableReason() ?? containerClientMissingReason('docker');
  if (reason) return { skip: reason };
  const user = { username: 'cr-demo-robot', password: `Demo-${randomBytes(12).toString('base64url')}` };
  const server = await startRegistryServer([user], { maxLifetimeMs });
  return { server, user };
}

/** What CreateBasicCredential hands out: the registry's one user for every login (a fresh credential each time, as the real one). */
export function registryCredentialsFor(registry, logins = 1000) {
  return registry.user ? Array(logins).fill(registry.user) : [];
}

/** `coscene.huawei.signIn` arguments the fake accepts (AK/SK and IAM password), and what a person types for them. */
export function demoHuaweiSignIn() {
  const { FAKE_HUAWEI } = fakeSeed();
  return {
    aksk: {
      method: 'aksk',
      ak: FAKE_HUAWEI.ak,
      sk: FAKE_HUAWEI.sk,
      region: FAKE_HUAWEI.region,
      domainId: FAKE_HUAWEI.domainId,
      codeartsProjectId: FAKE_HUAWEI.codeartsProjectId,
    },
    password: {
      method: 'password',
      userName: FAKE_HUAWEI.iamUser,
      password: FAKE_HUAWEI.iamPassword,
      domainName: FAKE_HUAWEI.domainName,
      region: FAKE_HUAWEI.region,
      codeartsProjectId: FAKE_HUAWEI.codeartsProjectId,
    },
  };
}
