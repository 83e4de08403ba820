import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

describe('Get Started walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs as {
    steps: { id: string; completionEvents: string[]; media: { image: string } }[];
  }[];
  const source = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? source(join(dir, e.name)) : [readFileSync(join(dir, e.name), 'utf8')],
    );

  it('has the four steps, each with an image in media/', () => {
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['connectProfile', 'browseUsers', 'huaweiSignIn', 'registryLogin'],
    );
    for (const step of walkthrough.steps) {
      assert.match(step.media.image, /^media\//);
      assert.ok(existsSync(join(root, step.media.image)), step.media.image);
    }
  });

  it('each step completes on a real event: a context key the extension sets, or its view opening', () => {
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
        else assert.fail(`unexpected completion event ${event}`);
      }
    }
  });
});
