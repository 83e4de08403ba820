import * as assert from 'assert';
import { FAKE_COSCENE } from '../fake/seed/coscene';
import { screenshot, useWorkbench } from './workbench';

// The active profile (from the cocli file run-e2e.mjs writes) is shown in the status bar.
describe('profiles in the workbench: the status bar', function () {
  this.timeout(120_000);
  const page = useWorkbench();

  it('the status bar shows the active profile "demo" and its organization slug', async () => {
    const item = page().locator('.statusbar .statusbar-item', { hasText: `demo · ${FAKE_COSCENE.orgSlug}` });
    await item.waitFor({ timeout: 30_000 }); // the slug comes from GetOrganization on the fake
    // Branded: the product's name before the profile, and a codicon of its own (the Accounts menu has $(account)).
    assert.match((await item.innerText()).replace(/\u00a0/g, ' ').trim(), new RegExp(`^coScene: demo · ${FAKE_COSCENE.orgSlug}$`));
    assert.equal(await item.locator('.codicon-account').count(), 0, 'the Accounts menu icon');
    assert.equal(await item.locator('.codicon-cloud').count(), 1);

    await item.hover();
    const tooltip = page().locator('.workbench-hover, .monaco-hover').filter({ hasText: 'coScene profile: demo' });
    await tooltip.first().waitFor();
    const text = (await tooltip.first().innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, new RegExp(`Organization: ${FAKE_COSCENE.orgSlug}`));
    assert.match(text, /Project: mcap/);
    assert.match(text, /Click to switch profiles\./);
    await screenshot(page(), 'profile-status-bar');
  });

  it('clicking the status bar item offers the profiles to switch to', async () => {
    await page().mouse.move(0, 0); // let the tooltip go
    await page()
      .locator('.statusbar .statusbar-item', { hasText: `demo · ${FAKE_COSCENE.orgSlug}` })
      .click();
    const widget = page().locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Switch coScene Profile' }).waitFor();
    await widget
      .locator('.quick-input-list .monaco-list-row', { hasText: /^\s*demo/ })
      .first()
      .waitFor();
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Add Profile…' }).first().waitFor();
    await screenshot(page(), 'profile-switch-quick-pick');
    await page().keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
  });
});
