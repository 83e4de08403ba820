/**
 * activate() in plain Node with the vscode stand-in (test/support/vscodeStub.cjs): the exports other extensions can
 * read carry the test API only in ExtensionMode.Test. The real-host counterpart is
 * test/integration/hardening/exports.test.ts.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT as root } from '../support/repoRoot';

interface Stub {
  installVscode(options: { settings: Record<string, unknown> }): unknown;
  createContext(root: string): { extensionMode: number; subscriptions: { dispose(): unknown }[] };
}

describe('extension exports (activate in plain Node)', () => {
  let home: string;
  const saved = { HOME: process.env.HOME, USERPROFILE: process.env.USERPROFILE };

  before(() => {
    home = mkdtempSync(join(tmpdir(), 'coscene-exports-'));
    process.env.HOME = home;
    process.env.USERPROFILE = home;
    (require(join(root, 'test/support/vscodeStub.cjs')) as Stub).installVscode({
      settings: { 'coscene.cocliConfigPath': join(home, '.cocli.yaml') },
    });
  });

  after(() => {
    process.env.HOME = saved.HOME;
    process.env.USERPROFILE = saved.USERPROFILE;
    rmSync(home, { recursive: true, force: true });
  });

  const activateIn = (mode: number): unknown => {
    const stub = require(join(root, 'test/support/vscodeStub.cjs')) as Stub;
    const context = stub.createContext(root);
    context.extensionMode = mode;
    const extension = require(join(root, 'out/src/extension.js')) as { activate(c: unknown): unknown };
    try {
      return extension.activate(context);
    } finally {
      for (const d of context.subscriptions) d.dispose();
    }
  };

  it('hands other extensions nothing in Production and Development mode', () => {
    assert.equal(activateIn(1), undefined, 'Production');
    assert.equal(activateIn(2), undefined, 'Development');
  });

  it('returns the test API in Test mode (the integration tests read it)', () => {
    const api = activateIn(3) as Partial<import('../../src/testApi').TestApi> | undefined;
    assert.ok(api?.trees && api.profiles && api.users && api.permissions && api.registry);
  });
});
