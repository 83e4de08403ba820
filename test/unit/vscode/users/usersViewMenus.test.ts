import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ORG_USERS_CONTEXT_KEYS,
  ORG_USERS_VIEW,
  PROJECT_USERS_CONTEXT_KEYS,
  PROJECT_USERS_VIEW,
  UsersViewContextKeys,
} from '../../../../src/vscode/users/keys';
import { REPO_ROOT as root } from '../../../support/repoRoot';

interface MenuEntry {
  command: string;
  when?: string;
}
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { menus: Record<string, MenuEntry[]> } };
const titleMenu = manifest.contributes.menus['view/title'];
const palette = manifest.contributes.menus.commandPalette;

const views: { id: string; keys: UsersViewContextKeys }[] = [
  { id: ORG_USERS_VIEW, keys: ORG_USERS_CONTEXT_KEYS },
  { id: PROJECT_USERS_VIEW, keys: PROJECT_USERS_CONTEXT_KEYS },
];

/** Context keys (and view ids) a when-clause names, e.g. `coscene.orgUsers.flat`. */
const namesIn = (when: string): string[] => [...when.matchAll(/coscene\.[\w.]+/g)].map((m) => m[0]);

describe('users views: each view has its own title buttons and context keys', () => {
  for (const { id, keys } of views) {
    const other = views.find((v) => v.id !== id)!;
    const own = titleMenu.filter((e) => e.command.startsWith(`${id}.`));

    it(`${id}: filter, find, clear, flat and grouped buttons show in this view only`, () => {
      const commands = own.map((e) => e.command.slice(id.length + 1)).sort();
      for (const c of ['filterByRole', 'findByNickname', 'clearFilter', 'showFlat', 'showGrouped'])
        assert.ok(commands.includes(c), `${id}.${c} has no title button`);
      for (const e of own) {
        assert.match(e.when ?? '', new RegExp(`^view == ${id.replace('.', '\\.')}\\b`), `${e.command}: ${e.when}`);
        assert.deepEqual(
          namesIn(e.when ?? '').filter((n) => n.startsWith(other.id)),
          [],
          `${e.command} depends on ${other.id}: ${e.when}`,
        );
      }
    });

    it(`${id}: the buttons follow the keys the view publishes (${keys.flat}, ${keys.filtered})`, () => {
      const when = (command: string) => titleMenu.find((e) => e.command === `${id}.${command}`)?.when ?? '';
      assert.match(when('showFlat'), new RegExp(`!${keys.flat.replace(/\./g, '\\.')}$`));
      assert.match(when('showGrouped'), new RegExp(`[^!]${keys.flat.replace(/\./g, '\\.')}$`));
      assert.match(when('clearFilter'), new RegExp(`[^!]${keys.filtered.replace(/\./g, '\\.')}$`));
      assert.match(
        palette.find((e) => e.command === `${id}.clearFilter`)?.when ?? '',
        new RegExp(`(^|&& )${keys.filtered.replace(/\./g, '\\.')}$`),
        'Clear Filter is in the palette only while this view is filtered',
      );
    });
  }

  it('no menu uses the former shared keys or commands', () => {
    const all = Object.values(manifest.contributes.menus).flat();
    const shared = all.filter((e) =>
      /coscene\.users\.(flat|filtered|filterByRole|findByNickname|clearFilter|showFlat|showGrouped)\b/.test(`${e.command} ${e.when ?? ''}`),
    );
    assert.deepEqual(shared, []);
  });
});
