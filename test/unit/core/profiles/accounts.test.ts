import * as assert from 'node:assert/strict';
import {
  diffSessions,
  isEmptyChange,
  profileOfSession,
  profileSessions,
  servesScopes,
  type ProfileWithToken,
} from '../../../../src/core/profiles/accounts';
import type { ProfileSource } from '../../../../src/core/profiles/profile';

const p = (source: ProfileSource, name: string, extra: Partial<ProfileWithToken> = {}): ProfileWithToken => ({
  name,
  source,
  endpoint: 'https://openapi.coscene.cn',
  project: 'proj',
  token: `tok-${source}-${name}`,
  ...extra,
});

describe('Accounts menu: profiles as sessions', () => {
  it('lists one account per profile with a token, the active one first, ids stable per source and name', () => {
    const sessions = profileSessions([p('cocli', 'lark'), p('cocli', 'io', { active: true }), p('extension', 'mine')]);
    assert.deepEqual(
      sessions.map((s) => [s.id, s.account.id, s.account.label, s.accessToken]),
      [
        ['cocli:io', 'cocli:io', 'io', 'tok-cocli-io'],
        ['cocli:lark', 'cocli:lark', 'lark', 'tok-cocli-lark'],
        ['extension:mine', 'extension:mine', 'mine', 'tok-extension-mine'],
      ],
    );
    assert.ok(sessions.every((s) => s.scopes.join() === 'openapi'));
  });

  it('leaves out profiles without a token (signed out, or never given one)', () => {
    const sessions = profileSessions([
      p('extension', 'signed-out', { token: undefined }),
      p('extension', 'empty', { token: '' }),
      p('cocli', 'ok'),
    ]);
    assert.deepEqual(
      sessions.map((s) => s.id),
      ['cocli:ok'],
    );
  });

  it('labels an account with its organization when the profile names it', () => {
    const [session] = profileSessions([p('cocli', 'io', { org: 'acme-robotics' })]);
    assert.equal(session.account.label, 'io · acme-robotics');
  });

  it('tells apart accounts whose labels would be the same (one name in several sources)', () => {
    const labels = profileSessions([p('env', 'default'), p('cocli', 'default'), p('extension', 'default'), p('cocli', 'other')]).map(
      (s) => s.account.label,
    );
    assert.deepEqual(labels, ['default (COS_*)', 'default (cocli)', 'default (VS Code)', 'other']);
    assert.equal(new Set(labels).size, labels.length);
  });

  it('keeps control characters of a hand-edited cocli file out of the menu text', () => {
    const [session] = profileSessions([p('cocli', 'bad\u001b[31mname\nx', { org: 'o\u0085rg' })]);
    assert.equal(session.account.label, 'bad [31mname x · o rg');
    assert.equal(session.id, 'cocli:bad\u001b[31mname\nx', 'the id still names the profile exactly');
  });

  it('finds the profile a session id names, and nothing for a removed one', () => {
    const all = [p('cocli', 'default'), p('extension', 'default')];
    assert.equal(profileOfSession(all, 'extension:default'), all[1]);
    assert.equal(profileOfSession(all, 'cocli:gone'), undefined);
  });

  it('serves requests for no scope or for "openapi", and none for scopes a coScene token does not have', () => {
    assert.equal(servesScopes(undefined), true);
    assert.equal(servesScopes([]), true);
    assert.equal(servesScopes(['openapi']), true);
    assert.equal(servesScopes(['openapi', 'admin']), false);
    assert.equal(servesScopes(['repo']), false);
  });

  describe('what changed between two listings', () => {
    const before = profileSessions([p('cocli', 'a'), p('cocli', 'b'), p('extension', 'c')]);

    it('reports added, removed and changed (new token) sessions', () => {
      const after = profileSessions([p('cocli', 'a'), p('cocli', 'b', { token: 'rotated' }), p('extension', 'd')]);
      const change = diffSessions(before, after);
      assert.deepEqual(
        change.added.map((s) => s.id),
        ['extension:d'],
      );
      assert.deepEqual(
        change.removed.map((s) => s.id),
        ['extension:c'],
      );
      assert.deepEqual(
        change.changed.map((s) => [s.id, s.accessToken]),
        [['cocli:b', 'rotated']],
      );
      assert.equal(isEmptyChange(change), false);
    });

    it('reports a relabelled account (organization added by cocli) as changed', () => {
      const after = profileSessions([p('cocli', 'a', { org: 'acme' }), p('cocli', 'b'), p('extension', 'c')]);
      assert.deepEqual(
        diffSessions(before, after).changed.map((s) => s.account.label),
        ['a · acme'],
      );
    });

    it('reports nothing when only the active profile or the order changed', () => {
      const after = profileSessions([p('extension', 'c', { active: true }), p('cocli', 'a'), p('cocli', 'b')]);
      assert.equal(isEmptyChange(diffSessions(before, after)), true);
    });

    it('signing out of the last profile removes every account', () => {
      const change = diffSessions(before, profileSessions([p('cocli', 'a', { token: undefined })]));
      assert.equal(change.removed.length, 3);
      assert.equal(change.added.length + change.changed.length, 0);
    });
  });
});
