import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, __dirname.includes(join('out', 'test')) ? '../../..' : '../..');
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
