/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, module, __dirname */
'use strict';
// The production HTTP chunk (dist/http.js, undici) for the core modules in out/, required on the first request the
// way src/core/http/lazyHttp.ts does it: the chunk takes errors/redact/networkError from its loader. Here they are
// out/'s copies (the benchmarks' happy paths never depend on which copy an error class comes from).
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const SHARED_MODULES = Symbol.for('coscene-access.http-shared-modules');

function createChunkHttpClient(options = {}) {
  let inner;
  const get = () => {
    if (!inner) {
      globalThis[SHARED_MODULES] ??= {
        errors: require(path.join(root, 'out/src/core/errors.js')),
        redact: require(path.join(root, 'out/src/core/redact.js')),
        networkError: require(path.join(root, 'out/src/core/http/networkError.js')),
      };
      inner = require(path.join(root, 'dist/http.js')).createHttpClient(options);
    }
    return inner;
  };
  return { request: (req) => get().request(req), close: async () => inner?.close() };
}

module.exports = { createChunkHttpClient };
