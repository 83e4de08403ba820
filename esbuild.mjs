// Builds dist/extension.js (activation path) and dist/http.js (undici stack, loaded on first request).
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** The lazy HTTP chunk is required at run time as ./http.js next to extension.js. */
const lazyHttpChunk = {
  name: 'lazy-http-chunk',
  setup(build) {
    build.onResolve({ filter: /^\.\/undiciHttpClient$/ }, (args) =>
      args.importer.endsWith('lazyHttp.ts') ? { path: './http.js', external: true } : undefined,
    );
  },
};

/**
 * dist/http.js is a second bundle: copies of these modules in it would make its errors other classes than the
 * extension's (`instanceof AccessError` / `NetworkError` false: "Unexpected error", no retries) and give it a
 * secret registry of its own. It takes them from dist/extension.js at run time (src/core/http/lazyHttp.ts).
 */
const SHARED_WITH_EXTENSION = { 'src/core/errors.ts': 'errors', 'src/core/redact.ts': 'redact', 'src/core/http/networkError.ts': 'networkError' };
const sharedWithExtension = {
  name: 'shared-with-extension',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const file = relative(process.cwd(), resolve(args.resolveDir, args.path)).split(sep).join('/');
      const name = SHARED_WITH_EXTENSION[file] ?? SHARED_WITH_EXTENSION[`${file}.ts`];
      return name ? { path: name, namespace: 'extension-shared' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'extension-shared' }, (args) => ({
      contents: `const shared = globalThis[Symbol.for('coscene-access.http-shared-modules')];\nif (!shared) throw new Error('dist/http.js must be loaded by dist/extension.js');\nmodule.exports = shared[${JSON.stringify(args.path)}];\n`,
      loader: 'js',
    }));
  },
};

/** `yaml` (~110 KB) is required at run time as ./yaml.js, only when a cocli file is parsed (src/core/profiles/lazyYaml.ts). */
const lazyYamlChunk = {
  name: 'lazy-yaml-chunk',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, (args) => {
      if (args.importer.endsWith('lazyYaml.ts')) return { path: './yaml.js', external: true };
      return { errors: [{ text: `import yaml through src/core/profiles/lazyYaml.ts (keeps it out of dist/extension.js), not from ${args.importer}` }] };
    });
  },
};

/**
 * `import * as vscode from 'vscode'` in each of ~60 modules would make esbuild copy the whole API object (~200 members)
 * once per module at load time (__toESM). Route every import through one internal re-export instead: one copy.
 */
const singleVscodeNamespace = {
  name: 'single-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-ns' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-ns' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-ns' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'info',
  external: ['vscode'],
  legalComments: 'none',
};

const configs = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [lazyHttpChunk, lazyYamlChunk, singleVscodeNamespace] },
  { ...common, entryPoints: ['src/core/http/undiciHttpClient.ts'], outfile: 'dist/http.js', plugins: [sharedWithExtension] },
  { ...common, entryPoints: { yaml: 'yaml' }, outfile: 'dist/yaml.js' },
];

/** Each feature keeps its translations in src/vscode/l10n/<feature>.<lang>.json; VS Code wants one bundle per language. */
function mergeL10nBundles() {
  const dir = 'src/vscode/l10n';
  const bundles = {};
  for (const file of readdirSync(dir).sort()) {
    const m = /^[\w-]+\.([\w-]+)\.json$/.exec(file);
    if (!m) continue;
    const entries = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
    const bundle = (bundles[m[1]] ??= {});
    for (const [key, value] of Object.entries(entries)) {
      if (key in bundle && bundle[key] !== value) throw new Error(`l10n: "${key}" translated differently in ${file}`);
      bundle[key] = value;
    }
  }
  mkdirSync('dist/l10n', { recursive: true });
  for (const [lang, bundle] of Object.entries(bundles)) {
    writeFileSync(`dist/l10n/bundle.l10n.${lang}.json`, JSON.stringify(bundle, null, 1));
  }
}

mergeL10nBundles();

if (watch) {
  const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
}
