/**
 * node out/test/fake/cli.js [--port 0] [--latency 0] [--seed-users 320] [--seed-projects N --project-members M] [--data f.json] [--max-lifetime-ms N]
 * Prints one JSON line {"url","port"} on stdout once listening; stops on SIGINT/SIGTERM or after its
 * max lifetime (default 8 h). Logs nothing else (no credentials).
 */
import { startFakeServer } from './server';

const CLI_DEFAULT_LIFETIME_MS = 8 * 60 * 60 * 1000;

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const eq = arg.indexOf('=');
    if (eq > 0) out[arg.slice(2, eq)] = arg.slice(eq + 1);
    else out[arg.slice(2)] = argv[++i] ?? '';
  }
  return out;
}

function numberArg(args: Record<string, string>, name: string, fallback: number): number {
  if (args[name] === undefined) return fallback;
  const value = Number(args[name]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  return value;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const known = ['port', 'latency', 'seed-users', 'seed-projects', 'project-members', 'data', 'max-lifetime-ms'];
  const unknown = Object.keys(args).filter((k) => !known.includes(k));
  if (unknown.length) throw new Error(`unknown option(s): ${unknown.map((k) => `--${k}`).join(', ')}`);
  const server = await startFakeServer({
    port: numberArg(args, 'port', 0),
    latencyMs: numberArg(args, 'latency', 0),
    seedUsers: numberArg(args, 'seed-users', 320),
    seedProjects: { count: numberArg(args, 'seed-projects', 0), members: numberArg(args, 'project-members', 100) },
    dataFile: args.data || undefined,
    maxLifetimeMs: numberArg(args, 'max-lifetime-ms', CLI_DEFAULT_LIFETIME_MS),
  });
  process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port })}\n`);
  // The listening socket keeps Node alive; once closed (signal or max lifetime) the process exits.
  const stop = () => void server.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: Error) => {
  process.stderr.write(`fake server: ${err.message}\n`);
  process.exit(1);
});
