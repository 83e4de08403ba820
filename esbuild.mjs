// Builds dist/extension.js (activation path) and dist/http.js (undici stack, loaded on first request).
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

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
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [lazyHttpChunk] },
  { ...common, entryPoints: ['src/core/http/undiciHttpClient.ts'], outfile: 'dist/http.js' },
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
