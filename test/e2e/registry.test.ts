import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { skipBecause } from '../support/mochaRunner';
import { waitUntil } from '../support/waitUntil';
import { runCommand, terminalText, toast } from '../support/workbenchDriver';
import { NLS, screenshot, useWorkbench } from './workbench';

// "Log In to Container Registry" against a real docker-registry (htpasswd) that run-e2e.mjs
// starts on 127.0.0.1; the fake's CreateBasicCredential hands out the user it knows.
interface RegistryEnv {
  host?: string;
  username?: string;
  password?: string;
  dockerConfig?: string;
  skip?: string;
}

const registry: RegistryEnv = JSON.parse(process.env.COSCENE_E2E_REGISTRY || '{"skip":"COSCENE_E2E_REGISTRY is not set"}');

describe('container registry login in the workbench', function () {
  this.timeout(120_000);
  before(function () {
    if (registry.skip) skipBecause(this, `registry UI test: ${registry.skip}`);
  });
  const page = useWorkbench();

  it('logs in from the palette: a toast, the docker login line in the terminal, never the password', async () => {
    const { host, username, password, dockerConfig } = registry as Required<RegistryEnv>;
    const loggedIn = toast(page(), `Logged in to ${host} as ${username}`).waitFor({ timeout: 60_000 }); // info toasts hide by themselves
    await runCommand(page(), `coScene: ${NLS['cmd.registry.login']}`);
    await loggedIn;
    const expectedLine = `docker login ${host} --username ${username} --password-stdin`;
    let text = '';
    await waitUntil(
      async () => (text = await terminalText(page())).includes(expectedLine),
      `"${expectedLine}" in the terminal`,
      20_000,
      250,
    );
    await screenshot(page(), 'registry-login');
    assert.match(text, /Login Succeeded/);
    // Long lines wrap into several rows: look for the password in the joined text too.
    for (const shown of [text, text.replace(/\n/g, '')])
      assert.ok(!shown.includes(password), 'the registry password is in the terminal text');
    // The status bar keeps showing where this window is logged in.
    await page().locator('.statusbar .statusbar-item', { hasText: host }).waitFor();

    // docker stored the login in the sandbox's DOCKER_CONFIG.
    const config = JSON.parse(fs.readFileSync(path.join(dockerConfig, 'config.json'), 'utf8')) as { auths?: Record<string, unknown> };
    assert.ok(config.auths && host in config.auths, `no login for ${host} in ${JSON.stringify(Object.keys(config.auths ?? {}))}`);
  });

  it("the status item's tooltip says who logged in when; a click offers Log Out, Log In Again and Show Terminal", async () => {
    const { host, username } = registry as Required<RegistryEnv>;
    const item = page().locator('.statusbar .statusbar-item', { hasText: host });
    await item.hover();
    const tooltip = page()
      .locator('.workbench-hover, .monaco-hover')
      .filter({ hasText: `as ${username}` });
    await tooltip.first().waitFor();
    const text = (await tooltip.first().innerText()).replace(/\u00a0/g, ' ');
    assert.ok(text.includes(host), text);
    assert.match(text, /Logged in (just now|1 minute ago|\d+ minutes ago)/);
    await screenshot(page(), 'registry-status-tooltip');

    await page().mouse.move(0, 0); // let the tooltip go
    await item.click();
    const widget = page().locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'coScene Container Registry' }).waitFor();
    const rows = widget.locator('.quick-input-list .monaco-list-row');
    for (const label of ['Log Out', 'Log In Again', 'Show Terminal']) await rows.filter({ hasText: label }).first().waitFor();
    assert.equal(await rows.count(), 3);
    // Both status items in one picture: the profile's (branded) and the registry's, its quick pick open.
    await page().locator('.statusbar .statusbar-item', { hasText: 'coScene: demo' }).waitFor();
    await screenshot(page(), 'registry-status-actions');
    await page().keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
  });

  it('logs out from the palette: a toast, and the status bar stops showing the registry', async () => {
    const { host, dockerConfig } = registry as Required<RegistryEnv>;
    const item = page().locator('.statusbar .statusbar-item', { hasText: host });
    await item.waitFor();
    const loggedOut = toast(page(), `Logged out of ${host}`).waitFor({ timeout: 60_000 });
    await runCommand(page(), `coScene: ${NLS['cmd.registry.logout']}`);
    await loggedOut;
    await item.waitFor({ state: 'detached' });
    const config = JSON.parse(fs.readFileSync(path.join(dockerConfig, 'config.json'), 'utf8')) as { auths?: Record<string, unknown> };
    assert.ok(!(host in (config.auths ?? {})), 'docker still has the login');
  });
});
