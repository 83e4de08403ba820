/**
 * Server text shown in a notification cannot render as a link: the shared error path (reportError), the registry
 * notices and the "try another" warnings pass it through escapeNotificationLinks. Runs with the vscode stand-in
 * (test/support/vscodeStub.cjs) and records what each notification would show.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { AccessError, msg } from '../../../../src/core/errors';
import { REPO_ROOT as root } from '../../../support/repoRoot';

const HOSTILE =
  'Denied. [Open the console](https://127.0.0.1:1/phish) or [fix it](command:workbench.action.terminal.sendSequence) ![i](http://127.0.0.1:1/p.png)';
const LINK = /\]\s*\(/;

interface Window {
  showErrorMessage: unknown;
  showWarningMessage: unknown;
  showInformationMessage: unknown;
}

describe('server text in notifications', () => {
  const shown: string[] = [];
  let vscode: { window: Window };

  before(() => {
    try {
      vscode = require('vscode') as typeof vscode;
    } catch {
      (require(join(root, 'test/support/vscodeStub.cjs')) as { installVscode(o: object): unknown }).installVscode({ settings: {} });
      vscode = require('vscode') as typeof vscode;
    }
    const record = async (message: string) => {
      shown.push(message);
      return undefined;
    };
    Object.assign(vscode.window, { showErrorMessage: record, showWarningMessage: record, showInformationMessage: record });
  });

  beforeEach(() => {
    shown.length = 0;
  });

  const log = { error() {}, warn() {}, info() {}, debug() {} };

  it('reportError: an API message with link syntax is shown as text, not as links', () => {
    const { reportError } = require('../../../../src/vscode/shared/errors') as typeof import('../../../../src/vscode/shared/errors');
    const { windowUi } = require('../../../../src/vscode/shared/ui') as typeof import('../../../../src/vscode/shared/ui');
    const to = { log: log as never, ui: windowUi };
    reportError(to, 'ctx', new AccessError(msg('The server refused: {0}', HOSTILE)));
    reportError(to, 'ctx', new Error(HOSTILE));
    assert.equal(shown.length, 2);
    for (const message of shown) {
      assert.doesNotMatch(message, LINK);
      assert.ok(message.replace(/\u200b/g, '').includes(HOSTILE), 'the text still reads as the server sent it');
    }
  });

  it('registry notices and "try another" warnings escape links too', () => {
    const { notifyInfo } =
      require('../../../../src/vscode/registry/registryContext') as typeof import('../../../../src/vscode/registry/registryContext');
    const { offerAnother } =
      require('../../../../src/vscode/users/offerAnother') as typeof import('../../../../src/vscode/users/offerAnother');
    const { windowUi } = require('../../../../src/vscode/shared/ui') as typeof import('../../../../src/vscode/shared/ui');
    notifyInfo({ ui: windowUi }, `Logged in as ${HOSTILE}`);
    offerAnother(windowUi, `User not found: ${HOSTILE}`, 'Try Another', () => undefined);
    assert.equal(shown.length, 2);
    for (const message of shown) assert.doesNotMatch(message, LINK);
    assert.ok(shown[0].replace(/\u200b/g, '').includes(`Logged in as ${HOSTILE}`), 'the registry notice still reads as the server sent it');
  });
});
