// Headless Debian chromium driven by playwright-core (no browser download).
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

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

export function launchChromium() {
  return chromium.launch(OPTIONS);
}

/** A browser whose profile (Local Storage, IndexedDB: the workbench's state in code-server) lives in `userDataDir`. Has newPage() and close(). */
export function launchChromiumWithProfile(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, OPTIONS);
}
