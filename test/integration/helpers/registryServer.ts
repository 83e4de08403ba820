import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { AddressInfo, connect, createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real Docker registry (Debian `docker-registry`, distribution 2.8) with htpasswd auth on
 * 127.0.0.1:<free port>, for login tests. Needs the Debian packages docker-registry and apache2-utils.
 */
export const REGISTRY_BINARY = '/usr/bin/docker-registry';
export const HTPASSWD_BINARY = '/usr/bin/htpasswd';

export interface RegistryUser {
  username: string;
  password: string;
}

export interface RegistryServer {
  /** `127.0.0.1:<port>`, usable as `coscene.registry.host`. */
  readonly host: string;
  readonly port: number;
  readonly dir: string;
  /** Everything the registry wrote (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** Why the registry cannot run here, or undefined when it can. */
export function registryUnavailableReason(): string | undefined {
  if (!existsSync(REGISTRY_BINARY)) return `${REGISTRY_BINARY} is missing (Debian package docker-registry)`;
  if (!existsSync(HTPASSWD_BINARY)) return `${HTPASSWD_BINARY} is missing (Debian package apache2-utils)`;
  return undefined;
}

/**
 * `connectDelayMs`: the registry is reached through a TCP relay on its own port (`host` names the relay) that holds
 * every new connection that long before it connects it through. A `docker login` then lives at least that long, so
 * a /proc watcher polling every few hundred milliseconds on a loaded machine sees it every time.
 */
export async function startRegistryServer(
  users: readonly RegistryUser[],
  opts: { maxLifetimeMs?: number; startTimeoutMs?: number; connectDelayMs?: number } = {},
): Promise<RegistryServer> {
  const dir = mkdtempSync(join(tmpdir(), 'coscene-registry-'));
  let child: ChildProcess | undefined;
  try {
    const lines = await Promise.all(users.map((u) => htpasswdLine(u)));
    writeFileSync(join(dir, 'htpasswd'), lines.join(''), { mode: 0o600 });
    const port = await freePort();
    writeFileSync(join(dir, 'config.yml'), registryConfig(dir, port));
    let output = '';
    const started = spawn(REGISTRY_BINARY, ['serve', join(dir, 'config.yml')], { shell: false, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    started.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    started.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<void>((resolve) => started.once('close', () => resolve()));
    const lifetime = setTimeout(() => started.kill('SIGKILL'), opts.maxLifetimeMs ?? 10 * 60_000);
    lifetime.unref();
    // The registry never outlives whoever started it (a test run, the demo), however that one ends.
    const killOnExit = (): void => void started.kill('SIGKILL');
    process.once('exit', killOnExit);
    started.once('close', () => process.removeListener('exit', killOnExit));
    await waitForUnauthorized(
      port,
      opts.startTimeoutMs ?? 15_000,
      () => started.exitCode !== null || started.signalCode !== null,
      () => output,
    );
    const relay = opts.connectDelayMs ? await delayingRelay(port, opts.connectDelayMs) : undefined;
    return {
      host: `127.0.0.1:${relay?.port ?? port}`,
      port: relay?.port ?? port,
      dir,
      output: () => output,
      stop: async () => {
        clearTimeout(lifetime);
        await relay?.close();
        if (started.exitCode === null && started.signalCode === null) {
          started.kill('SIGTERM');
          const force = setTimeout(() => started.kill('SIGKILL'), 3000);
          await exited;
          clearTimeout(force);
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

function registryConfig(dir: string, port: number): string {
  return [
    'version: 0.1',
    'log:',
    '  level: warn',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(join(dir, 'data'))}`,
    'http:',
    `  addr: 127.0.0.1:${port}`,
    '  secret: coscene-access-tests',
    'auth:',
    '  htpasswd:',
    '    realm: coscene-test',
    `    path: ${JSON.stringify(join(dir, 'htpasswd'))}`,
    '',
  ].join('\n');
}

/** `htpasswd -Bbn user pass` prints a bcrypt line; run without a shell so the password is never parsed. */
function htpasswdLine(user: RegistryUser): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(HTPASSWD_BINARY, ['-Bbn', user.username, user.password], { timeout: 15_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`htpasswd failed: ${stderr || err.message}`));
      else resolve(`${stdout.trim()}\n`);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForUnauthorized(port: number, timeoutMs: number, exited: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`docker-registry exited during start:\n${output()}`);
    if ((await statusOf(port)) === 401) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry did not answer 401 on /v2/ within ${timeoutMs} ms:\n${output()}`);
}

function statusOf(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/v2/', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(undefined));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** A TCP relay on 127.0.0.1:<free port> to `targetPort` that waits `delayMs` before connecting each new connection. */
async function delayingRelay(targetPort: number, delayMs: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((client) => {
    sockets.add(client);
    client.pause();
    client.on('error', () => client.destroy());
    client.on('close', () => sockets.delete(client));
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (client.destroyed) return;
      const upstream = connect(targetPort, '127.0.0.1');
      sockets.add(upstream);
      upstream.on('error', () => client.destroy());
      upstream.on('close', () => {
        sockets.delete(upstream);
        client.end();
      });
      client.on('close', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
      client.resume();
    }, delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve, reject) => server.listen(0, '127.0.0.1', resolve).once('error', reject));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
