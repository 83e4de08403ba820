// Builds dist/extension.js (all of our code) and dist/undici.js, dist/yaml.js: the two big libraries, each required on
// first use (the first request; the first cocli file parsed) instead of at activation.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * In dist/extension.js, `undici` and `yaml` are the separately built ./undici.js and ./yaml.js. Our modules require
 * them only inside functions (src/core/http/lazyHttp.ts, src/core/profiles/lazyYaml.ts), so loading the bundle does not.
 */
const LAZY_LIBRARIES = ['undici', 'yaml'];
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(build) {
    build.onResolve({ filter: /^(undici|yaml)$/ }, (args) => ({ path: `./${args.path}.js`, external: true }));
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
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [lazyLibraries, singleVscodeNamespace] },
  ...LAZY_LIBRARIES.map((name) => ({ ...common, entryPoints: { [name]: name }, outfile: `dist/${name}.js` })),
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

/** Bundles of an older layout (dist/http.js, feature chunks) must not end up in the package. */
function removeOldBundles() {
  if (!existsSync('dist')) return;
  for (const file of readdirSync('dist')) if (/\.js(\.map)?$/.test(file)) rmSync(`dist/${file}`);
}

removeOldBundles();
mergeL10nBundles();

if (watch) {
  const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
}
