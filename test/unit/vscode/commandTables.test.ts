import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERMISSIONS_COMMANDS, PERMISSIONS_INTERNAL_COMMANDS } from '../../../src/vscode/permissions/keys';
import { PROFILES_COMMANDS } from '../../../src/vscode/profiles/keys';
import { REGISTRY_COMMANDS } from '../../../src/vscode/registry/keys';
import { USERS_COMMANDS, USERS_INTERNAL_COMMANDS } from '../../../src/vscode/users/keys';
import { REPO_ROOT as root } from '../../support/repoRoot';

interface Manifest {
  contributes: { commands: { command: string }[]; menus: Record<string, { command?: string }[]> };
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const contributed = manifest.contributes.commands.map((c) => c.command);

/**
 * Each feature's command table is typed `CommandTable<Id>` over the id lists below, so a table with a missing or extra
 * handler does not compile; this test ties those lists to package.json.
 */
const features: Record<string, readonly string[]> = {
  profiles: PROFILES_COMMANDS,
  users: USERS_COMMANDS,
  permissions: PERMISSIONS_COMMANDS,
  registry: REGISTRY_COMMANDS,
};
const internal = [...USERS_INTERNAL_COMMANDS, ...PERMISSIONS_INTERNAL_COMMANDS];

describe('command tables', () => {
  it('every command in package.json has a handler in exactly one feature', () => {
    for (const id of contributed) {
      const owners = Object.keys(features).filter((f) => features[f].includes(id));
      assert.deepEqual(owners.length, 1, `${id} is handled by ${owners.length ? owners.join(', ') : 'no feature'}`);
    }
  });

  it('every command a feature registers for the palette is contributed in package.json', () => {
    for (const [feature, ids] of Object.entries(features)) {
      for (const id of ids) assert.ok(contributed.includes(id), `${feature}: ${id} is not in package.json contributes.commands`);
    }
  });

  it('internal commands (run by tree items) are neither contributed nor in a feature list twice', () => {
    for (const id of internal) assert.ok(!contributed.includes(id), `${id} is internal but contributed in package.json`);
    const all = [...Object.values(features).flat(), ...internal];
    assert.equal(new Set(all).size, all.length, 'a command id is registered twice');
  });

  it('every menu entry names a contributed command', () => {
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const e of entries)
        if (e.command) assert.ok(contributed.includes(e.command), `menu ${menu}: ${e.command} is not a contributed command`);
    }
  });
});
