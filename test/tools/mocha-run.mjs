// node mocha-run.mjs <dir|file>... [--grep pattern] [--timeout ms] [--list]
// Runs every *.test.js under each <dir> (and each named file: a compiled .js, or a test/**/*.ts source, which
// means its out/**/*.js) with the spec reporter and writes the summary (passed, failed, skipped tests with their
// reasons) to $COSCENE_TEST_RESULT for run-all.mjs. Needs `tsc -p .` first. Under CI=true a `.only` fails the run.
// --list: loads the files without running a test and prints one JSON line: every test as { file, titlePath,
// selected } (selected: --grep picks it). debian.mjs uses it to install only what the selected unit tests need.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { ROOT } from './paths.mjs';

const { forbidOnlyUnderCi, listTests, runMocha, testFiles, writeSummary } = createRequire(import.meta.url)(
  join(ROOT, 'out', 'test', 'support', 'mochaRunner.js'),
);

const USAGE = 'usage: mocha-run.mjs <dir|file>... [--grep pattern] [--timeout ms] [--list]';

function parseArgs(argv) {
  const options = { paths: [], grep: undefined, timeout: 10_000, list: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep')
      options.grep = argv[++i] || undefined; // an empty pattern selects every test
    else if (argv[i] === '--timeout') options.timeout = Number(argv[++i]);
    else if (argv[i] === '--list') options.list = true;
    else if (argv[i].startsWith('--')) throw new Error(`unknown option ${argv[i]} (${USAGE})`);
    else options.paths.push(resolve(argv[i]));
  }
  if (options.paths.length === 0 || Number.isNaN(options.timeout)) throw new Error(USAGE);
  return options;
}

/** A test's TypeScript source under the repository stands for its compiled file in out/. */
function compiled(file) {
  const fromRoot = relative(ROOT, file);
  if (!file.endsWith('.ts') || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return file;
  return join(ROOT, 'out', fromRoot.replace(/\.ts$/, '.js'));
}

function filesOf(paths) {
  return paths.flatMap((p) => {
    const file = compiled(p);
    let stat;
    try {
      stat = statSync(file);
    } catch {
      throw new Error(`${file} does not exist${file === p ? '' : ' (run tsc -p . first)'}`);
    }
    return stat.isDirectory() ? testFiles(file) : [file];
  });
}

const options = parseArgs(process.argv.slice(2));
const files = filesOf(options.paths);
if (options.list) {
  console.log(JSON.stringify(await listTests(files, { ui: 'bdd', grep: options.grep, forbidOnly: forbidOnlyUnderCi() })));
} else {
  const summary = await runMocha(files, {
    ui: 'bdd',
    reporter: 'spec',
    timeout: options.timeout,
    grep: options.grep,
    forbidOnly: forbidOnlyUnderCi(),
  });
  writeSummary(process.env.COSCENE_TEST_RESULT, summary);
  process.exitCode = summary.failed > 0 ? 1 : 0;
}
