// Builds dist/extension.js (activation path), dist/http.js (undici stack, loaded on first request),
// dist/permissions.js (Repository Permissions, loaded on first use) and dist/yaml.js.
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
const sharedWithExtension = sharedModulesPlugin('coscene-access.http-shared-modules', 'dist/http.js', (file) => SHARED_WITH_EXTENSION[file]);

/**
 * Resolves imports of the listed modules to `globalThis[Symbol.for(symbolKey)][name]`, filled by dist/extension.js
 * before it requires the chunk. `nameOf(file)` gives the name of a shared module, undefined for the chunk's own.
 */
function sharedModulesPlugin(symbolKey, chunk, nameOf) {
  return {
    name: `shared-with-extension:${chunk}`,
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const file = relative(process.cwd(), resolve(args.resolveDir, args.path)).split(sep).join('/');
        const name = nameOf(file) ?? nameOf(`${file}.ts`);
        return name ? { path: name, namespace: 'extension-shared' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'extension-shared' }, (args) => ({
        contents: `const shared = globalThis[Symbol.for(${JSON.stringify(symbolKey)})];\nif (!shared) throw new Error('${chunk} must be loaded by dist/extension.js');\nmodule.exports = shared[${JSON.stringify(args.path)}];\n`,
        loader: 'js',
      }));
    },
  };
}

/**
 * The Repository Permissions implementation (Huawei Cloud clients, tree, matrix webview, ~45 KB) is dist/permissions.js,
 * required on first use by src/vscode/lazyPermissions.ts. These folders are the chunk's own; every other module it
 * imports must be listed in lazyPermissions.ts (SHARED_MODULES) and comes from dist/extension.js at run time: one copy
 * of the error classes, redaction registry, tree node classes. The main bundle must not import the chunk's modules.
 */
const PERMISSIONS_CHUNK_FILES = /^src\/(core\/huawei\/|vscode\/(huawei|webview|commands\/huawei|commands\/permissions)\/|vscode\/views\/permissions|vscode\/permissionsChunk\.ts$)/;
const PERMISSIONS_SHARED = (() => {
  const source = readFileSync('src/vscode/lazyPermissions.ts', 'utf8');
  const block = /const shared = [^{]*\{([^}]*)\}/.exec(source)?.[1] ?? '';
  return new Set([...block.matchAll(/'(src\/[^']+)'/g)].map((m) => m[1]));
})();
const permissionsShared = sharedModulesPlugin('coscene-access.permissions-shared-modules', 'dist/permissions.js', (file) => {
  if (PERMISSIONS_CHUNK_FILES.test(file) || !file.startsWith('src/') || !file.endsWith('.ts')) return undefined;
  return PERMISSIONS_SHARED.has(file) ? file : undefined;
});
/** Fails the chunk build on an import of a main-bundle module that is not shared (it would be a second copy). */
const permissionsChunkBoundary = {
  name: 'permissions-chunk-boundary',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point' || args.namespace !== 'file') return undefined;
      const importer = relative(process.cwd(), args.importer).split(sep).join('/');
      const file = relative(process.cwd(), resolve(args.resolveDir, args.path)).split(sep).join('/');
      const ts = file.endsWith('.ts') ? file : `${file}.ts`;
      if (!PERMISSIONS_CHUNK_FILES.test(importer) || PERMISSIONS_CHUNK_FILES.test(ts) || PERMISSIONS_SHARED.has(ts)) return undefined;
      return { errors: [{ text: `${importer} imports ${ts}: add it to the shared modules in src/vscode/lazyPermissions.ts (a copy in dist/permissions.js would be a second instance)` }] };
    });
  },
};
/** In dist/extension.js: './permissionsChunk' is the separate chunk; nothing else may import the chunk's modules. */
const lazyPermissionsChunk = {
  name: 'lazy-permissions-chunk',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (args.path === './permissionsChunk' && args.importer.endsWith('lazyPermissions.ts')) return { path: './permissions.js', external: true };
      const file = relative(process.cwd(), resolve(args.resolveDir, args.path)).split(sep).join('/');
      const ts = file.endsWith('.ts') ? file : `${file}.ts`;
      if (!PERMISSIONS_CHUNK_FILES.test(ts)) return undefined;
      return { errors: [{ text: `${args.importer} imports ${ts}, which belongs in dist/permissions.js: go through src/vscode/lazyPermissions.ts` }] };
    });
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
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [lazyHttpChunk, lazyYamlChunk, lazyPermissionsChunk, singleVscodeNamespace] },
  { ...common, entryPoints: ['src/vscode/permissionsChunk.ts'], outfile: 'dist/permissions.js', plugins: [permissionsChunkBoundary, permissionsShared, singleVscodeNamespace] },
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
