import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * The one place tests, the bench and the test tooling look for a container client: the first
 * executable `docker` (or `podman`) on PATH, wherever the machine installed it (/usr/bin from
 * Debian's docker.io, /usr/local/bin, …). The runner installs docker.io when neither is found.
 */
export type ContainerClientName = 'docker' | 'podman';

/** Absolute path of the first executable `name` on `PATH`, or undefined. */
export function findOnPath(name: string, pathValue = process.env.PATH ?? ''): string | undefined {
  for (const dir of pathValue.split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue; // a relative PATH entry would depend on the cwd
    const candidate = join(dir, name);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** `docker` by default; `podman` only when asked for. */
export function findContainerClient(name: ContainerClientName = 'docker'): string | undefined {
  return findOnPath(name);
}

/** Why no container client can run here, or undefined when one can. */
export function containerClientMissingReason(name: ContainerClientName = 'docker'): string | undefined {
  return findContainerClient(name)
    ? undefined
    : `no ${name} executable on PATH (${process.env.PATH ?? ''}); the test runner installs Debian's docker.io`;
}
