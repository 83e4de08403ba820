// `npm test`: typecheck, lint, unit, package, integration (extension host in code-server), UI (e2e).
// `npm test -- --only unit,integration` runs a subset; `--grep <pattern>` filters mocha tests.
// Ends with exactly one line "N passed, N failed"; exit code 1 when anything failed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebianPackages } from './debian.mjs';
import { ensureHost, ensureRootDependencies } from './host.mjs';
import { MOCHA_RUN, ROOT, TSC } from './paths.mjs';
import { makeTempDir, run, stopWhenParentExits } from './proc.mjs';

const STAGES = ['typecheck', 'lint', 'unit', 'package', 'integration', 'e2e'];

function parseArgs(argv) {
  const options = { only: STAGES, grep: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only') options.only = (argv[++i] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    else if (argv[i] === '--grep') options.grep = argv[++i];
    else throw new Error(`unknown argument ${argv[i]} (use --only ${STAGES.join(',')} and/or --grep <pattern>)`);
  }
  const unknown = options.only.filter((s) => !STAGES.includes(s));
  if (unknown.length || options.only.length === 0) throw new Error(`--only takes stages from: ${STAGES.join(', ')}`);
  return options;
}

const ok = { passed: 0, failed: 0, pending: 0, failures: [] };
const failed = (title, message) => ({ passed: 0, failed: 1, pending: 0, failures: [{ title, message }] });

async function step(title, command, args, timeoutMs) {
  const { code } = await run(command, args, { cwd: ROOT, timeoutMs });
  return code === 0 ? ok : failed(title, code === null ? 'timed out' : `exit code ${code}`);
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
    if (compileErrorsCounted) return ok;
    compileErrorsCounted = true;
    return result;
  };
  const build = once(() => step('esbuild (node esbuild.mjs --production)', process.execPath, [join(ROOT, 'esbuild.mjs'), '--production'], 5 * 60_000));
  // = `npm run package`, then vsce's warnings and the package's file list are checked (test/tools/package.mjs).
  const buildPackage = once(async () => {
    const built = await build();
    if (built.failed) return built;
    return step('vsce package without warnings, runtime files only', process.execPath, [join(ROOT, 'test', 'tools', 'package.mjs')], 5 * 60_000);
  });
  const hostReady = once(async () => {
    try {
      ensureDebianPackages();
      await ensureHost();
      return ok;
    } catch (error) {
      return failed('install the VS Code host', error.message);
    }
  });
  return { compile, build, buildPackage, hostReady };
}

async function unitTests(options) {
  const resultFile = join(makeTempDir('unit'), 'result.json');
  const args = [MOCHA_RUN, 'out/test/unit', ...(options.grep ? ['--grep', options.grep] : [])];
  const { code } = await run(process.execPath, args, { cwd: ROOT, timeoutMs: 5 * 60_000, env: { ...process.env, COSCENE_TEST_RESULT: resultFile } });
  const summary = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : failed('unit', `mocha wrote no result (exit code ${code})`);
  if (code === null) return merge(summary, failed('unit', 'mocha did not exit in time (open handles?)'));
  return summary;
}

function merge(...results) {
  return results.reduce((a, b) => ({
    passed: a.passed + b.passed,
    failed: a.failed + b.failed,
    pending: a.pending + (b.pending ?? 0),
    failures: [...a.failures, ...b.failures],
  }), ok);
}

/** A stage whose prerequisite failed is not run and counts as one failure saying why. */
async function withPrerequisites(name, prerequisites, body) {
  for (const prerequisite of prerequisites) {
    const result = await prerequisite();
    if (result.failed > 0) return failed(name, `not run: ${result.failures[0].title} failed`);
  }
  return body();
}

async function runStage(name, steps, options) {
  switch (name) {
    case 'typecheck': return step('tsc --noEmit', process.execPath, [TSC, '-p', '.', '--noEmit'], 5 * 60_000);
    case 'lint': return step('eslint .', process.execPath, [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.'], 5 * 60_000);
    case 'unit': {
      const compiled = await steps.compile();
      return merge(compiled, await unitTests(options));
    }
    case 'package': return steps.buildPackage();
    case 'integration': {
      const { runIntegration } = await import('./run-integration.mjs'); // needs playwright-core from node_modules
      const compiled = await steps.compile();
      return merge(compiled, await withPrerequisites(name, [steps.build, steps.hostReady], () => runIntegration(options)));
    }
    case 'e2e': {
      const { runE2e } = await import('./run-e2e.mjs');
      const compiled = await steps.compile();
      return merge(compiled, await withPrerequisites(name, [steps.buildPackage, steps.hostReady], () => runE2e(options)));
    }
  }
  throw new Error(`unknown stage ${name}`);
}

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
    const seconds = ((Date.now() - stageStart) / 1000).toFixed(1);
    rows.push({ name, result, seconds });
    console.log(`━━ ${name}: ${result.passed} passed, ${result.failed} failed${result.pending ? `, ${result.pending} pending` : ''} (${seconds}s)`);
  }
  const total = merge(...rows.map((r) => r.result));
  console.log(`\n━━ summary (${((Date.now() - started) / 1000).toFixed(0)}s) ━━`);
  for (const { name, result, seconds } of rows) {
    console.log(`  ${name.padEnd(12)} ${String(result.passed).padStart(4)} passed ${String(result.failed).padStart(4)} failed  ${seconds}s`);
    for (const failure of result.failures) console.log(`      ✗ ${failure.title}: ${failure.message.split('\n')[0]}`);
  }
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

try {
  await main();
} catch (error) {
  console.error(error.message);
  console.log('0 passed, 1 failed');
  process.exitCode = 2;
}
