/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, module, __dirname */
'use strict';
// The HTTP client the extension builds (src/core/http/lazyHttp.ts from out/): undici is required on the first
// request, as in dist/extension.js (where it is dist/undici.js).
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

function createChunkHttpClient(options = {}) {
  return require(path.join(root, 'out/src/core/http/lazyHttp.js')).createLazyHttpClient(options);
}

module.exports = { createChunkHttpClient };
