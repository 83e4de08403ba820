// node run-electron.mjs '<TestOptions JSON>': @vscode/test-electron's runTests against the desktop VS
// Code in $VSCODE_EXECUTABLE. A separate process so run-integration.mjs can enforce a hard timeout
// by killing its process group (VS Code included).
import { runTests } from '@vscode/test-electron';

const options = JSON.parse(process.argv[2]);
try {
  process.exitCode = await runTests({ ...options, vscodeExecutablePath: process.env.VSCODE_EXECUTABLE });
} catch (error) {
  console.error(`VS Code test run failed: ${error.message}`);
  process.exitCode = 1;
}
