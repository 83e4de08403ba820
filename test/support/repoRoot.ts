import * as path from 'node:path';

/** The repository's root folder, whether this file runs compiled (out/test/support) or as source (test/support). */
export const REPO_ROOT = path.resolve(__dirname, path.basename(path.resolve(__dirname, '..', '..')) === 'out' ? '../../..' : '../..');
