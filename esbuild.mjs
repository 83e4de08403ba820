// Builds dist/extension.js (activation path), dist/http.js (undici stack, loaded on first request),
// dist/{permissions,users,registry}.js (features, loaded on first use) and dist/yaml.js.
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
 * Features whose implementation is a chunk of its own, required on first use by a loader module (`loader`):
 * - permissions: Repository Permissions (Huawei Cloud clients, tree, matrix webview, ~45 KB), src/vscode/lazyPermissions.ts;
 * - users: Organization/Project Users and Roles views, their commands, details documents and exports, src/vscode/lazyUsers.ts;
 * - registry: container registry login commands, terminal and status bar item, src/vscode/lazyRegistry.ts.
 * `files` are the chunk's own modules; every other module a chunk imports must be listed in its loader (SHARED_MODULES)
 * and comes from dist/extension.js at run time: one copy of the error classes, redaction registry, tree node classes,
 * log, secrets. The main bundle must not import a chunk's modules except through its loader.
 */
const LAZY_CHUNKS = [
  {
    name: 'permissions',
    entry: 'src/vscode/permissionsChunk.ts',
    loader: 'src/vscode/lazyPermissions.ts',
    files: /^src\/(core\/huawei\/|vscode\/(huawei|webview|commands\/huawei|commands\/permissions)\/|vscode\/views\/permissions|vscode\/permissionsChunk\.ts$)/,
  },
  {
    name: 'users',
    entry: 'src/vscode/usersChunk.ts',
    loader: 'src/vscode/lazyUsers.ts',
    files: /^src\/(core\/format\/|core\/paging\.ts$|vscode\/(details|commands\/users|commands\/roles|commands\/export)\/|vscode\/views\/(usersState|userItems|usersTree|orgUsers|projectUsers|roles|usersViews)\.ts$|vscode\/usersChunk\.ts$)/,
  },
  {
    name: 'registry',
    entry: 'src/vscode/registryChunk.ts',
    loader: 'src/vscode/lazyRegistry.ts',
    files: /^src\/(core\/registry\/|core\/process\/|vscode\/(terminal|commands\/registry)\/|vscode\/registryChunk\.ts$)/,
  },
].map((chunk) => {
  const source = readFileSync(chunk.loader, 'utf8');
  const block = /const shared = [^{]*\{([^}]*)\}/.exec(source)?.[1] ?? '';
  return { ...chunk, out: `dist/${chunk.name}.js`, shared: new Set([...block.matchAll(/'(src\/[^']+)'/g)].map((m) => m[1])) };
});

const sourceFile = (resolveDir, path) => {
  const file = relative(process.cwd(), resolve(resolveDir, path)).split(sep).join('/');
  return file.endsWith('.ts') ? file : `${file}.ts`;
};

/** Plugins of a chunk's own build: shared modules from dist/extension.js; an import of any other main-bundle module fails. */
function chunkPlugins(chunk) {
  const shared = sharedModulesPlugin(`coscene-access.${chunk.name}-shared-modules`, chunk.out, (file) => {
    if (chunk.files.test(file) || !file.startsWith('src/') || !file.endsWith('.ts')) return undefined;
    return chunk.shared.has(file) ? file : undefined;
  });
  const boundary = {
    name: `${chunk.name}-chunk-boundary`,
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point' || args.namespace !== 'file') return undefined;
        const importer = relative(process.cwd(), args.importer).split(sep).join('/');
        const ts = sourceFile(args.resolveDir, args.path);
        if (!chunk.files.test(importer) || chunk.files.test(ts) || chunk.shared.has(ts)) return undefined;
        const other = LAZY_CHUNKS.find((c) => c !== chunk && c.files.test(ts));
        if (other) return { errors: [{ text: `${importer} imports ${ts}, which belongs in ${other.out}` }] };
        return { errors: [{ text: `${importer} imports ${ts}: add it to the shared modules in ${chunk.loader} (a copy in ${chunk.out} would be a second instance)` }] };
      });
    },
  };
  return [boundary, shared];
}

/** In dist/extension.js: each loader's './<name>Chunk' is the separate chunk; nothing else may import a chunk's modules. */
const lazyFeatureChunks = {
  name: 'lazy-feature-chunks',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const importer = relative(process.cwd(), args.importer).split(sep).join('/');
      const ts = sourceFile(args.resolveDir, args.path);
      const own = LAZY_CHUNKS.find((c) => c.loader === importer && c.entry === ts);
      if (own) return { path: `./${own.name}.js`, external: true };
      const chunk = LAZY_CHUNKS.find((c) => c.files.test(ts));
      if (!chunk) return undefined;
      return { errors: [{ text: `${args.importer} imports ${ts}, which belongs in ${chunk.out}: go through ${chunk.loader}` }] };
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
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [lazyHttpChunk, lazyYamlChunk, lazyFeatureChunks, singleVscodeNamespace] },
  ...LAZY_CHUNKS.map((chunk) => ({ ...common, entryPoints: [chunk.entry], outfile: chunk.out, plugins: [...chunkPlugins(chunk), singleVscodeNamespace] })),
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
