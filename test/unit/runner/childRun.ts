// Runs a Node script of the repository in a child process, for the runner's own tests.
import { spawn } from 'node:child_process';

import { REPO_ROOT } from '../../support/repoRoot';

export { REPO_ROOT };

export interface ChildEnd {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of this process without CI and the result file of the run that runs these tests. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.CI;
  delete env.COSCENE_TEST_RESULT;
  return { ...env, ...extra };
}

export function runNode(
  args: readonly string[],
  { env = cleanEnv(), stdin = '' }: { env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<ChildEnd> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
