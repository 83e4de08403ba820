/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, module, process */
'use strict';
// Plain CommonJS so the build-free tooling (test/tools/*.mjs) can use it as well as the compiled tests; tsc copies it
// to out/test/support (tsconfig.json: allowJs for test/support/*.cjs).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/**
 * A new, empty temp folder `<parent>/<prefix>XXXXXX`. `parent` defaults to the test sandbox (COSCENE_TEST_TMP, set by
 * the integration runner for the extension host) when there is one, else the OS temp folder. The caller removes it;
 * test/tools/proc.mjs's makeTempDir also removes it when the script exits.
 * @param {string} prefix
 * @param {string} [parent]
 * @returns {string}
 */
function makeTempDir(prefix, parent = process.env.COSCENE_TEST_TMP || os.tmpdir()) {
  return fs.mkdtempSync(path.join(parent, prefix));
}

module.exports = { makeTempDir };
