import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT as root } from '../support/repoRoot';

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const setting = (key: string) => manifest.contributes.configuration.properties[key];

describe('Marketplace manifest and cocli defaults', () => {
  it('has a 128×128 PNG icon with an alpha channel', () => {
    const png = readFileSync(join(root, manifest.icon));
    assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.equal(png[25], 6, 'colour type RGBA');
  });

  it('links the repository, issues and home page, with keywords, an MIT LICENSE and a CHANGELOG of this version', () => {
    assert.match(manifest.repository.url, /^https:\/\//);
    assert.match(manifest.bugs.url, /^https:\/\/.*\/issues$/);
    assert.match(manifest.homepage, /^https:\/\//);
    assert.ok(manifest.keywords.includes('cocli') && manifest.keywords.length <= 30);
    assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} coScene Access contributors\n/);
    assert.match(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}$`, 'm'));
  });

  it('runs where the workspace is (docker and ~/.cocli.yaml live there)', () => {
    assert.deepEqual(manifest.extensionKind, ['workspace']);
  });

  it('pages 100 users at a time and mints a fresh registry credential per login by default, as cocli', () => {
    assert.equal(setting('coscene.users.pageSize').default, 100);
    assert.equal(setting('coscene.registry.credentialLifetimeMinutes').default, 0);
  });
});

describe('command palette', () => {
  const palette = manifest.contributes.menus.commandPalette as { command: string; when?: string }[];
  const hidden = new Set(palette.filter((entry) => entry.when === 'false').map((entry) => entry.command));
  const commands = manifest.contributes.commands as { command: string; title: string; category?: string }[];
  const reachable = commands.filter((c) => !hidden.has(c.command));

  for (const lang of ['', '.zh-cn']) {
    it(`every command reachable from the palette has a unique title${lang ? ' (zh-CN)' : ''}`, () => {
      const nls = JSON.parse(readFileSync(join(root, `package.nls${lang}.json`), 'utf8')) as Record<string, string>;
      const titleOf = (c: { title: string; category?: string }) => `${c.category ?? ''}: ${nls[c.title.replace(/^%|%$/g, '')] ?? c.title}`;
      const seen = new Map<string, string[]>();
      for (const c of reachable) seen.set(titleOf(c), [...(seen.get(titleOf(c)) ?? []), c.command]);
      assert.deepEqual(
        [...seen].filter(([, ids]) => ids.length > 1),
        [],
      );
    });
  }

  it('commands that act on a tree item are hidden from the palette', () => {
    // Show Access also runs from the palette: without a tree item it asks for a user id or nickname.
    const asksWithoutItem = new Set(['coscene.user.showAccess']);
    const itemMenus = manifest.contributes.menus['view/item/context'] as { command: string }[];
    const titleMenus = manifest.contributes.menus['view/title'] as { command: string }[];
    const onlyOnItems = [...new Set(itemMenus.map((m) => m.command))].filter((id) => !titleMenus.some((m) => m.command === id));
    assert.deepEqual(
      onlyOnItems.filter((id) => !hidden.has(id) && !asksWithoutItem.has(id)),
      [],
    );
  });
});

/**
 * A when-clause as VS Code reads the ones this manifest uses: `||` of `&&` of `key`, `!key`, `key == value`,
 * `key =~ /re/` (no parentheses). Unknown keys are false.
 */
function holds(when: string | undefined, context: Record<string, string | boolean>): boolean {
  if (when === undefined) return true;
  return when.split('||').some((all) =>
    all.split('&&').every((term) => {
      const t = term.trim();
      const eq = /^([\w.]+) == ([\w.]+)$/.exec(t);
      if (eq) return context[eq[1]] === eq[2];
      const re = /^([\w.]+) =~ \/(.*)\/$/.exec(t);
      if (re) return new RegExp(re[2]).test(String(context[re[1]] ?? ''));
      if (t === 'false') return false;
      if (t === 'true') return true;
      const negated = t.startsWith('!');
      const value = Boolean(context[negated ? t.slice(1) : t]);
      return negated ? !value : value;
    }),
  );
}

/** Every combination of the given boolean keys. */
function states(keys: string[]): Record<string, boolean>[] {
  return Array.from({ length: 2 ** keys.length }, (_, n) => Object.fromEntries(keys.map((k, i) => [k, Boolean(n & (1 << i))])));
}

describe('title bars', () => {
  const titleMenu = manifest.contributes.menus['view/title'] as { command: string; when?: string; group?: string }[];
  const keys = [
    'coscene.hasProfile',
    'coscene.orgUsers.flat',
    'coscene.orgUsers.filtered',
    'coscene.projectUsers.flat',
    'coscene.projectUsers.filtered',
    'coscene.projectUsers.archived',
    'coscene.huawei.signedIn',
  ];
  for (const view of ['coscene.orgUsers', 'coscene.projectUsers', 'coscene.roles', 'coscene.permissions']) {
    it(`${view}: at most four buttons in the title bar in any state, the rest in its … menu`, () => {
      for (const state of states(keys)) {
        const inline = titleMenu.filter((e) => e.group?.startsWith('navigation') && holds(e.when, { ...state, view }));
        assert.ok(inline.length <= 4, `${JSON.stringify(state)}: ${inline.map((e) => e.command).join(', ')}`);
      }
    });
  }

  it('Organization Users leads with Show Access; flat/grouped and archived live in the … menu', () => {
    const first = titleMenu.find((e) => e.group === 'navigation@0' && holds(e.when, { view: 'coscene.orgUsers' }));
    assert.equal(first?.command, 'coscene.user.showAccess');
    const inlineIds = titleMenu.filter((e) => e.group?.startsWith('navigation')).map((e) => e.command);
    for (const id of ['showFlat', 'showGrouped', 'showArchived', 'hideArchived'])
      assert.ok(!inlineIds.some((c) => c.endsWith(`.${id}`)), `${id} is inline`);
  });

  it('Sign In to Huawei Cloud leaves the … menu once signed in; Refresh shows only when there is something to refresh', () => {
    const visible = (signedIn: boolean) =>
      titleMenu.filter((e) => holds(e.when, { view: 'coscene.permissions', 'coscene.huawei.signedIn': signedIn })).map((e) => e.command);
    assert.ok(visible(false).includes('coscene.huawei.signIn') && !visible(true).includes('coscene.huawei.signIn'));
    assert.ok(visible(true).includes('coscene.permissions.refresh') && !visible(false).includes('coscene.permissions.refresh'));
  });
});

describe('views without a profile', () => {
  const welcome = manifest.contributes.viewsWelcome as { view: string; contents: string; when: string }[];
  const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const text = (contents: string) => nls[contents.replace(/^%|%$/g, '')] ?? contents;

  it('say "add a profile" with its buttons once (Organization Users); the other views stay quiet', () => {
    const noProfile = welcome.filter((w) => w.when === '!coscene.hasProfile');
    const withButtons = noProfile.filter((w) => /\(command:/.test(text(w.contents)));
    assert.deepEqual(
      withButtons.map((w) => w.view),
      ['coscene.orgUsers'],
    );
    assert.ok(noProfile.length >= 3, 'every users view explains itself');
  });

  it('Repository Permissions starts collapsed (most users never sign in to Huawei Cloud)', () => {
    const views = manifest.contributes.views.coscene as { id: string; visibility?: string }[];
    assert.equal(views.find((v) => v.id === 'coscene.permissions')?.visibility, 'collapsed');
  });
});

describe('command palette gating', () => {
  const palette = manifest.contributes.menus.commandPalette as { command: string; when?: string }[];
  const inPalette = (command: string, context: Record<string, boolean>) => {
    const entry = palette.find((e) => e.command === command);
    return holds(entry?.when, context);
  };
  const needProfile = [
    'coscene.users.refresh',
    'coscene.roles.refresh',
    'coscene.user.get',
    'coscene.user.showAccess',
    'coscene.access.exportMatrix',
    'coscene.export.users',
    'coscene.export.roles',
    'coscene.projectUsers.selectProject',
    'coscene.registry.login',
    'coscene.registry.createCredential',
  ];

  it('users, roles, access, export and registry commands need a profile', () => {
    for (const command of needProfile) {
      assert.equal(inPalette(command, {}), false, `${command} without a profile`);
      assert.equal(inPalette(command, { 'coscene.hasProfile': true }), true, `${command} with a profile`);
    }
  });

  it('Log Out of Container Registry only when logged in; Huawei commands only when signed in; Add Profile always', () => {
    assert.equal(inPalette('coscene.registry.logout', { 'coscene.hasProfile': true }), false);
    assert.equal(inPalette('coscene.registry.logout', { 'coscene.registry.loggedIn': true }), true);
    for (const command of ['coscene.permissions.refresh', 'coscene.permissions.search', 'coscene.huawei.signOut']) {
      assert.equal(inPalette(command, {}), false, command);
      assert.equal(inPalette(command, { 'coscene.huawei.signedIn': true }), true, command);
    }
    assert.equal(inPalette('coscene.profile.add', {}), true);
    assert.equal(inPalette('coscene.huawei.signIn', {}), true);
  });
});

describe('Get Started walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs as {
    steps: { id: string; completionEvents: string[]; media: { svg: string } }[];
  }[];
  const source = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? source(join(dir, e.name)) : [readFileSync(join(dir, e.name), 'utf8')],
    );

  it('has the five steps, each with a theme-aware SVG in media/ (no emoji, no hard-coded words)', () => {
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['connectProfile', 'browseUsers', 'reviewAccess', 'huaweiSignIn', 'registryLogin'],
    );
    for (const step of walkthrough.steps) {
      // `svg` (not `image`): VS Code inlines it, so var(--vscode-…) colours follow the theme.
      assert.match(step.media.svg, /^media\/.*\.svg$/);
      const svg = readFileSync(join(root, step.media.svg), 'utf8');
      assert.match(svg, /var\(--vscode-/, `${step.media.svg} uses theme colours`);
      assert.doesNotMatch(svg, /<text\b/, `${step.media.svg} has no text to translate`);
      assert.doesNotMatch(svg, /\p{Extended_Pictographic}/u, `${step.media.svg} has no emoji`);
    }
  });

  it('each step completes on a real event: a context key the extension sets, its view opening, or its command', () => {
    const code = source(join(root, 'src')).join('\n');
    for (const step of walkthrough.steps) {
      for (const event of step.completionEvents) {
        const [kind, name] = event.split(':');
        if (kind === 'onView')
          assert.ok(
            manifest.contributes.views.coscene.some((v: { id: string }) => v.id === name),
            event,
          );
        else if (kind === 'onContext') assert.ok(code.includes(`'${name}'`), `no code sets ${name}`);
        else if (kind === 'onCommand')
          assert.ok(
            manifest.contributes.commands.some((c: { command: string }) => c.command === name),
            `${event}: no such command`,
          );
        else assert.fail(`unexpected completion event ${event}`);
      }
    }
  });
});
