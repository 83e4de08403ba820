import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/testApi';
import { makeTempDir } from '../../support/tempDir.cjs';

// The shared wait and temp-folder helpers (test/support), also exported here for the tests that import them from this file.
export { makeTempDir };
export { waitUntil } from '../../support/waitUntil';

export const EXTENSION_ID = 'coscene.coscene-access';

export async function extensionApi(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

export interface CocliProfileFixture {
  name: string;
  endpoint: string;
  token: string;
  project: string;
  org?: string;
}

/** A cocli config as cocli writes it (keys sorted, 4-space indent). */
export function cocliYaml(current: string | undefined, profiles: CocliProfileFixture[]): string {
  const lines = current ? [`current-profile: ${current}`] : [];
  lines.push('profiles:');
  for (const p of profiles) {
    lines.push(`    - endpoint: ${p.endpoint}`, `      name: ${p.name}`);
    if (p.org) lines.push(`      org: ${p.org}`);
    lines.push(`      project: ${p.project}`, `      token: ${p.token}`);
  }
  return lines.join('\n') + '\n';
}

export interface CocliFile {
  readonly path: string;
  write(text: string): void;
  read(): string;
  /** Points `coscene.cocliConfigPath` back where it was and deletes the file. */
  restore(): Promise<void>;
}

/** Writes a temp cocli file and points `coscene.cocliConfigPath` (user settings) at it. */
export async function useCocliFile(text: string): Promise<CocliFile> {
  const dir = makeTempDir('cocli-');
  const file = path.join(dir, '.cocli.yaml');
  fs.writeFileSync(file, text);
  const config = vscode.workspace.getConfiguration('coscene');
  const previous = config.inspect<string>('cocliConfigPath')?.globalValue;
  await config.update('cocliConfigPath', file, vscode.ConfigurationTarget.Global);
  return {
    path: file,
    write: (t) => fs.writeFileSync(file, t),
    read: () => fs.readFileSync(file, 'utf8'),
    restore: async () => {
      await vscode.workspace.getConfiguration('coscene').update('cocliConfigPath', previous, vscode.ConfigurationTarget.Global);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every regular file under `dir`, to a bounded depth; unreadable folders are skipped. */
export function listFiles(dir: string, maxDepth = 16): string[] {
  const files: string[] = [];
  const walk = (d: string, depth: number): void => {
    if (depth > maxDepth) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full, depth + 1);
      else if (e.isFile()) files.push(full);
    }
  };
  walk(dir, 0);
  return files;
}

/** Files under `dir` (bounded depth and size) whose bytes contain `needle`. */
export function filesContaining(dir: string, needle: string, maxDepth = 12): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return listFiles(dir, maxDepth).filter((file) => {
    try {
      return fs.statSync(file).size <= 64 * 1024 * 1024 && fs.readFileSync(file).includes(bytes);
    } catch {
      return false; // vanished or unreadable: not ours to judge
    }
  });
}
