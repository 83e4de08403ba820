/**
 * What Secrets registers for log redaction, with an in-memory SecretStorage stand-in: only the secret fields of a
 * stored item, and a secret that is deleted (sign-out, profile removal, forgetting the registry credential) or
 * replaced (a new token) is no longer masked, unless another stored item still holds it.
 */
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { redact } from '../../../../src/core/redact';
import { holdSecrets, Secrets, wholeValue, type SecretsOf } from '../../../../src/vscode/shared/secrets';

function memoryStorage(): vscode.SecretStorage {
  const data = new Map<string, string>();
  return {
    get: async (k: string) => data.get(k),
    store: async (k: string, v: string) => {
      data.set(k, v);
    },
    delete: async (k: string) => {
      data.delete(k);
    },
    keys: async () => [...data.keys()],
    onDidChange: () => ({ dispose() {} }),
  } as unknown as vscode.SecretStorage;
}

const masked = (value: string): boolean => redact(`log line: ${value} .`) !== `log line: ${value} .`;

interface Session {
  password: string;
  token: string;
  region: string;
  userName: string;
}
const sessionSecrets: SecretsOf<Session> = (s) => [s.password, s.token];

describe('Secrets and log redaction', () => {
  let n = 0;
  const unique = (base: string): string => `${base}${++n}x${Math.random().toString(36).slice(2, 8)}`;

  it('registers only the secret fields: a short project slug, a region or a user name stays readable', async () => {
    const secrets = new Secrets(memoryStorage());
    const session = { password: unique('Pw'), token: unique('tok'), region: 'cn1', userName: 'bob' };
    await secrets.set('huawei', session, sessionSecrets);
    assert.ok(masked(session.password) && masked(session.token));
    assert.ok(!masked('cn1'), 'the region must stay readable');
    assert.ok(!masked('bob'), 'the user name must stay readable');
  });

  it('a deleted secret (sign-out, profile removal, forgotten registry credential) is no longer masked', async () => {
    const secrets = new Secrets(memoryStorage());
    const session = { password: unique('Pw'), token: unique('tok'), region: 'cn-north-4', userName: 'alice' };
    await secrets.set('huawei', session, sessionSecrets);
    assert.ok(masked(session.password));
    await secrets.delete('huawei');
    assert.ok(!masked(session.password) && !masked(session.token));
    assert.equal(await secrets.get('huawei', sessionSecrets), undefined);
  });

  it('a replaced token is forgotten, the new one is masked', async () => {
    const secrets = new Secrets(memoryStorage());
    const [old, fresh] = [unique('old'), unique('new')];
    await secrets.set('profile.a.token', old, wholeValue);
    await secrets.set('profile.a.token', fresh, wholeValue);
    assert.ok(!masked(old));
    assert.ok(masked(fresh));
  });

  it('a secret still held elsewhere (another profile, the cocli file) stays masked', async () => {
    const secrets = new Secrets(memoryStorage());
    const shared = unique('shared');
    await secrets.set('profile.a.token', shared, wholeValue);
    await secrets.set('profile.b.token', shared, wholeValue);
    holdSecrets('test-cocli-file', [shared]);
    await secrets.delete('profile.a.token');
    assert.ok(masked(shared), 'profile b and the cocli file still use it');
    await secrets.delete('profile.b.token');
    assert.ok(masked(shared), 'the cocli file still uses it');
    holdSecrets('test-cocli-file', []);
    assert.ok(!masked(shared));
  });

  it('reading an item registers its secret fields (a token stored in an earlier session)', async () => {
    const storage = memoryStorage();
    const token = unique('earlier');
    await new Secrets(storage).set('k', { password: unique('p'), token, region: 'r', userName: 'u' }, sessionSecrets);
    holdSecrets('coscene.v1.k', []);
    assert.ok(!masked(token));
    await new Secrets(storage).get('k', sessionSecrets);
    assert.ok(masked(token));
  });
});
