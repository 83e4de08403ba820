// Entry point the VS Code extension host calls (extensionTestsPath): runs every compiled
// out/test/integration/**/*.test.js with mocha and writes the summary to $COSCENE_TEST_RESULT.
// Under CI=true (run-integration.mjs passes it in the extension environment) a `.only` fails the run.
import { forbidOnlyUnderCi, runMocha, testFiles, writeSummary } from '../support/mochaRunner';

export async function run(): Promise<void> {
  const grep = process.env.COSCENE_TEST_GREP || undefined;
  const summary = await runMocha(testFiles(__dirname), { ui: 'bdd', color: false, timeout: 30_000, grep, forbidOnly: forbidOnlyUnderCi() });
  writeSummary(process.env.COSCENE_TEST_RESULT, summary);
  if (summary.failed > 0) throw new Error(`${summary.failed} integration test(s) failed`);
}
