import * as assert from 'node:assert/strict';
import { profileSessions, SessionLabels, type ProfileWithToken } from '../../../../src/core/profiles/accounts';
import type { ProfileSource } from '../../../../src/core/profiles/profile';

const p = (source: ProfileSource, name: string, extra: Partial<ProfileWithToken> = {}): ProfileWithToken => ({
  name,
  source,
  endpoint: `https://${source}.example`,
  project: 'proj',
  token: `tok-${source}-${name}`,
  ...extra,
});

/** label → token: what an extension allowed for that label would receive. */
const byLabel = (sessions: ReturnType<typeof profileSessions>) => new Map(sessions.map((s) => [s.account.label, s.accessToken]));

describe('Accounts menu: a label names one session for the window', () => {
  it('no two sessions share a label, even when a profile is named like another one with its source', () => {
    const sessions = profileSessions([p('cocli', 'demo'), p('env', 'demo'), p('extension', 'demo (cocli)')]);
    const labels = sessions.map((s) => s.account.label);
    assert.equal(new Set(labels).size, labels.length, labels.join(' | '));
  });

  it('a label once held by one profile is not given to another after that profile goes', () => {
    const labels = new SessionLabels();
    const first = byLabel(profileSessions([p('cocli', 'demo')], labels));
    assert.equal(first.get('demo'), 'tok-cocli-demo');
    // cocli's "demo" is deleted; a VS Code profile "demo" for another endpoint appears.
    const later = profileSessions([p('extension', 'demo')], labels);
    assert.notEqual(later[0].account.label, 'demo', 'an extension allowed for "demo" would get the other token');
    assert.equal(byLabel(later).get('demo'), undefined);
    // The same profile coming back gets its label back.
    const back = profileSessions([p('cocli', 'demo'), p('extension', 'demo')], labels);
    assert.equal(byLabel(back).get('demo (cocli)') ?? byLabel(back).get('demo'), 'tok-cocli-demo');
  });

  it('relabelling when a duplicate goes does not move a label to the other source', () => {
    const labels = new SessionLabels();
    const both = profileSessions([p('cocli', 'demo'), p('extension', 'demo')], labels);
    const ids = new Map(both.map((s) => [s.account.label, s.id]));
    const alone = profileSessions([p('extension', 'demo')], labels);
    for (const s of alone) assert.ok(!ids.has(s.account.label) || ids.get(s.account.label) === s.id, s.account.label);
    // Without a record of the window's labels the VS Code profile would take "demo", which the cocli one never held.
    assert.equal(alone[0].account.label, 'demo');
  });
});
