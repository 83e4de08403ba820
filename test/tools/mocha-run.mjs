// node mocha-run.mjs <dir> [--grep pattern] [--timeout ms]
// Runs every *.test.js under <dir> with the spec reporter and writes the summary (passed, failed,
// skipped tests with their reasons) to $COSCENE_TEST_RESULT for run-all.mjs. Needs `tsc -p .` first.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { ROOT } from './paths.mjs';

const { runMocha, testFiles, writeSummary } = createRequire(import.meta.url)(join(ROOT, 'out', 'test', 'support', 'mochaRunner.js'));

function parseArgs(argv) {
  const options = { dir: undefined, grep: undefined, timeout: 10_000 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep') options.grep = argv[++i];
    else if (argv[i] === '--timeout') options.timeout = Number(argv[++i]);
    else options.dir = resolve(argv[i]);
  }
  if (!options.dir) throw new Error('usage: mocha-run.mjs <dir> [--grep pattern] [--timeout ms]');
  return options;
}

const options = parseArgs(process.argv.slice(2));
const summary = await runMocha(testFiles(options.dir), { ui: 'bdd', reporter: 'spec', timeout: options.timeout, grep: options.grep });
writeSummary(process.env.COSCENE_TEST_RESULT, summary);
process.exitCode = summary.failed > 0 ? 1 : 0;
