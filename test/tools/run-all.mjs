// `npm test`: typecheck, lint, unit, package, integration (extension host in code-server), UI (e2e).
// `npm test -- --only unit,integration` runs a subset; `--grep <pattern>` filters mocha tests.
// Ends with exactly one line "N passed, N failed, N skipped"; exit code 1 when anything failed.
// Under CI=true every skipped test is a failure naming it, and a `.only` left in a test fails its stage
// (test/support/mochaRunner.ts). A stage that runs no test fails, and so does a --grep that matches no test
// (in a stage named by --only, or anywhere).
import { join } from 'node:path';
import { ensureDebianPackages, ensureDebianPackagesForUnitTests } from './debian.mjs';
import { ensureHost, ensureRootDependencies } from './host.mjs';
import { MOCHA_RUN, ROOT, TSC } from './paths.mjs';
import { makeTempDir, run, stopWhenParentExits } from './proc.mjs';
import { childResult, failed, merge, ok, skippedAsFailures, testCount } from './results.mjs';

const STAGES = ['typecheck', 'lint', 'unit', 'package', 'integration', 'e2e'];
const MOCHA_STAGES = ['unit', 'integration', 'e2e'];
const CI = process.env.CI === 'true';

function parseArgs(argv) {
  const options = { only: STAGES, onlyGiven: false, grep: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only') {
      options.only = (argv[++i] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      options.onlyGiven = true;
    } else if (argv[i] === '--grep') options.grep = argv[++i];
    else throw new Error(`unknown argument ${argv[i]} (use --only ${STAGES.join(',')} and/or --grep <pattern>)`);
  }
  const unknown = options.only.filter((s) => !STAGES.includes(s));
  if (unknown.length || options.only.length === 0) throw new Error(`--only takes stages from: ${STAGES.join(', ')}`);
  if (options.grep === '') throw new Error('--grep needs a pattern');
  return options;
}

async function step(title, command, args, timeoutMs) {
  const { code } = await run(command, args, { cwd: ROOT, timeoutMs });
  return code === 0 ? ok() : failed(title, code === null ? 'timed out' : `exit code ${code}`);
}

/** Steps shared by several stages run at most once. */
function once(fn) {
  let result;
  return () => (result ??= fn());
}

function makeSteps(options) {
  const tsc = once(() => step('tsc -p .', process.execPath, [TSC, '-p', '.'], 5 * 60_000));
  let compileErrorsCounted = options.only.includes('typecheck'); // that stage reports them already
  // tsc emits despite type errors, so compiling never blocks a stage; its errors count once.
  const compile = async () => {
    const result = await tsc();
    if (compileErrorsCounted) return ok();
    compileErrorsCounted = true;
    return result;
  };
  const build = once(() =>
    step('esbuild (node esbuild.mjs --production)', process.execPath, [join(ROOT, 'esbuild.mjs'), '--production'], 5 * 60_000),
  );
  // = `npm run package`, then vsce's warnings and the package's file list are checked (test/tools/package.mjs).
  const buildPackage = once(async () => {
    const built = await build();
    if (built.failed) return built;
    return step(
      'vsce package without warnings, runtime files only',
      process.execPath,
      [join(ROOT, 'test', 'tools', 'package.mjs')],
      5 * 60_000,
    );
  });
  // Before the first stage that needs them (a whole unit run has real-registry tests): chromium, the
  // registry, htpasswd, a docker client. Needs the compiled tests (the client finder is theirs).
  const debianPackages = once(async () => {
    try {
      ensureDebianPackages(undefined, { containerClient: true });
      return ok();
    } catch (error) {
      return failed('install the Debian packages', error.message);
    }
  });
  // A unit run with --grep: only the packages of the unit tests it selects (debian.mjs UNIT_SUITES_NEEDING_DEBIAN),
  // often none, so one unit test runs without root or apt-get. Without --grep every unit test runs: the whole set.
  const unitDebianPackages = once(async () => {
    if (!options.grep) return debianPackages();
    try {
      ensureDebianPackagesForUnitTests(options.grep);
      return ok();
    } catch (error) {
      return failed('install the Debian packages the selected unit tests need', error.message);
    }
  });
  const hostReady = once(async () => {
    try {
      await ensureHost();
      return ok();
    } catch (error) {
      return failed('install Node 24 and code-server', error.message);
    }
  });
  return { tsc, compile, build, buildPackage, debianPackages, unitDebianPackages, hostReady };
}

async function unitTests(options) {
  const resultFile = join(makeTempDir('unit'), 'result.json');
  const args = [MOCHA_RUN, 'out/test/unit', ...(options.grep ? ['--grep', options.grep] : [])];
  const timeoutMs = 5 * 60_000;
  const end = await run(process.execPath, args, { cwd: ROOT, timeoutMs, env: { ...process.env, COSCENE_TEST_RESULT: resultFile } });
  return childResult('the unit test process (mocha)', resultFile, { ...end, timeoutMs });
}

/** A one-step stage (typecheck, lint, package) counts as 1 passed or 1 failed. */
const countOne = (result) => (result.failed > 0 ? result : { ...result, passed: 1 });

/** A stage whose prerequisite failed is not run and counts as one failure saying why. */
async function withPrerequisites(name, prerequisites, body) {
  for (const prerequisite of prerequisites) {
    const result = await prerequisite();
    if (result.failed > 0)
      return failed(name, `not run: ${result.failures[0].title} failed (${result.failures[0].message.split('\n')[0]})`);
  }
  return body();
}

async function runStage(name, steps, options) {
  switch (name) {
    // One type check for the whole run: `tsc -p .` reports the errors here and its output serves the later stages.
    case 'typecheck':
      return countOne(await steps.tsc());
    case 'lint': {
      const eslint = await step('eslint .', process.execPath, [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.'], 5 * 60_000);
      const prettier = await step(
        'prettier --check . (npm run format fixes it)',
        process.execPath,
        [join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--check', '.'],
        5 * 60_000,
      );
      return countOne(merge(eslint, prettier));
    }
    case 'unit': {
      const compiled = await steps.compile();
      return merge(compiled, await withPrerequisites(name, [steps.unitDebianPackages], () => unitTests(options)));
    }
    case 'package':
      return countOne(await steps.buildPackage());
    case 'integration': {
      const { runIntegration } = await import('./run-integration.mjs'); // needs playwright-core from node_modules
      const compiled = await steps.compile();
      return merge(
        compiled,
        await withPrerequisites(name, [steps.debianPackages, steps.build, steps.hostReady], () => runIntegration(options)),
      );
    }
    case 'e2e': {
      const { runE2e } = await import('./run-e2e.mjs');
      const compiled = await steps.compile();
      return merge(
        compiled,
        await withPrerequisites(name, [steps.debianPackages, steps.buildPackage, steps.hostReady], () => runE2e(options)),
      );
    }
  }
  throw new Error(`unknown stage ${name}`);
}

/** A mocha stage that ran no test at all failed (a broken glob, a --grep that matches nothing there). */
function noTestsRun(name, result, options) {
  if (!MOCHA_STAGES.includes(name) || testCount(result) > 0 || result.failed > 0) return undefined;
  if (options.grep && !options.onlyGiven) return undefined; // judged over all stages at the end
  return failed(name, options.grep ? `--grep ${JSON.stringify(options.grep)} matched no test in this stage` : 'no test ran');
}

const plural = (n, word) => `${n} ${word}`;
const counts = (r) => `${plural(r.passed, 'passed')}, ${plural(r.failed, 'failed')}, ${plural(r.skipped, 'skipped')}`;

async function main() {
  stopWhenParentExits();
  const options = parseArgs(process.argv.slice(2));
  await ensureRootDependencies();
  const steps = makeSteps(options);
  const rows = [];
  const started = Date.now();
  for (const name of STAGES.filter((s) => options.only.includes(s))) {
    console.log(`\n━━ ${name} ━━`);
    const stageStart = Date.now();
    let result;
    try {
      result = await runStage(name, steps, options);
    } catch (error) {
      result = failed(name, error.stack ?? String(error));
    }
    const none = noTestsRun(name, result, options);
    if (none) result = merge(result, none);
    if (CI && result.skipped > 0) result = skippedAsFailures(result);
    const seconds = ((Date.now() - stageStart) / 1000).toFixed(1);
    rows.push({ name, result, seconds });
    console.log(`━━ ${name}: ${counts(result)} (${seconds}s)`);
  }
  let total = merge(...rows.map((r) => r.result));
  const ranMocha = rows.some((r) => MOCHA_STAGES.includes(r.name));
  if (options.grep && ranMocha && rows.filter((r) => MOCHA_STAGES.includes(r.name)).every((r) => testCount(r.result) === 0)) {
    const none = failed(
      '--grep',
      `${JSON.stringify(options.grep)} matched no test in ${rows
        .filter((r) => MOCHA_STAGES.includes(r.name))
        .map((r) => r.name)
        .join(', ')}`,
    );
    rows.push({ name: 'grep', result: none, seconds: '0.0' });
    total = merge(total, none);
  }
  console.log(`\n━━ summary (${((Date.now() - started) / 1000).toFixed(0)}s) ━━`);
  for (const { name, result, seconds } of rows) {
    console.log(
      `  ${name.padEnd(12)} ${String(result.passed).padStart(4)} passed ${String(result.failed).padStart(4)} failed ${String(result.skipped).padStart(4)} skipped  ${seconds}s`,
    );
    for (const failure of result.failures) console.log(`      ✗ ${failure.title}: ${failure.message.split('\n')[0]}`);
    if (!CI) for (const skip of result.skippedTests) console.log(`      - skipped ${skip.title}${skip.reason ? `: ${skip.reason}` : ''}`);
  }
  console.log(counts(total));
  process.exitCode = total.failed > 0 ? 1 : 0;
}

try {
  await main();
} catch (error) {
  console.error(error.message);
  console.log('0 passed, 1 failed, 0 skipped');
  process.exitCode = 2;
}
