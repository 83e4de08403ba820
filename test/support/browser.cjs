/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, module, process */
'use strict';
// Headless Debian chromium driven by playwright-core (no browser download): the one launcher of the UI tests
// (test/e2e), the integration runner (test/tools/run-integration.mjs) and the bench (test/bench/userPath.mjs).
// Plain CommonJS so the build-free tooling can use it; tsc copies it to out/test/support for the compiled tests.
const { chromium } = require('playwright-core');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const OPTIONS = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  timeout: 60_000,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** @returns {Promise<import('playwright-core').Browser>} */
function launchChromium() {
  return chromium.launch(OPTIONS);
}

/**
 * A browser whose profile (Local Storage, IndexedDB: the workbench's state in code-server) lives in `userDataDir`.
 * Has newPage() and close().
 * @param {string} userDataDir
 * @returns {Promise<import('playwright-core').BrowserContext>}
 */
function launchChromiumWithProfile(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, OPTIONS);
}

module.exports = { CHROMIUM_PATH, launchChromium, launchChromiumWithProfile };
