import * as assert from 'node:assert/strict';
import { MAX_KEPT_SCOPES, readKeptRoles, sameRoles, withKeptRoles } from '../../../../src/core/coscene/keptRoles';
import type { Role } from '../../../../src/core/coscene/model';

const role = (code: string, displayName = code): Role => ({ name: `roles/${code}`, displayName, code, level: 'organization' });

describe('kept role lists (the users views’ guess between sessions)', () => {
  it('reads back what was kept for a scope, and nothing for another', () => {
    const stored = withKeptRoles(undefined, 'org demo', [role('ADMIN'), role('READER')], 1);
    assert.deepEqual(readKeptRoles(stored, 'org demo'), [role('ADMIN'), role('READER')]);
    assert.equal(readKeptRoles(stored, 'project demo'), undefined);
  });

  it('keeps only the role fields (no extra data from the server rides along)', () => {
    const withExtra = { ...role('ADMIN'), users: ['users/1'] } as Role;
    const stored = withKeptRoles(undefined, 's', [withExtra], 1);
    assert.deepEqual(Object.keys(readKeptRoles(stored, 's')![0]).sort(), ['code', 'displayName', 'level', 'name']);
  });

  it('keeps the newest scopes only', () => {
    let stored: unknown;
    for (let i = 0; i < MAX_KEPT_SCOPES + 3; i++) stored = withKeptRoles(stored, `scope ${i}`, [role('A')], i);
    assert.equal(Object.keys(stored as object).length, MAX_KEPT_SCOPES);
    assert.equal(readKeptRoles(stored, 'scope 0'), undefined, 'the oldest went first');
    assert.ok(readKeptRoles(stored, `scope ${MAX_KEPT_SCOPES + 2}`));
  });

  it('ignores what is not a role list (another version, a hand-edited state): no guess, no crash', () => {
    for (const bad of [null, 42, 'x', [], { s: null }, { s: { at: 1, roles: 'no' } }, { s: { at: 1, roles: [{ code: 1 }] } }]) {
      assert.equal(readKeptRoles(bad, 's'), undefined, JSON.stringify(bad));
    }
    const long = { s: { at: 1, roles: [{ ...role('A'), displayName: 'x'.repeat(10_000) }] } };
    assert.equal(readKeptRoles(long, 's'), undefined, 'an oversized field is not read');
  });

  it('compares what a group row shows: code, name, level and display name, in order', () => {
    assert.ok(sameRoles([role('A'), role('B')], [role('A'), role('B')]));
    assert.ok(!sameRoles([role('A'), role('B')], [role('B'), role('A')]));
    assert.ok(!sameRoles([role('A')], [role('A', 'Admin (renamed)')]));
    assert.ok(!sameRoles(undefined, [role('A')]));
  });
});
