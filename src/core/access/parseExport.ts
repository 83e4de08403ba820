import { msg } from '../errors';
import type { ExportFilters } from '../format/exportFacts';
import { fileNameSlug, organizationInFileName } from '../format/exportName';
import { isRecord } from '../json';
import { parse as parseYaml } from '../profiles/lazyYaml';
import { boundedText, EXPORT_LIMITS, invalidExport, shown, SnapshotBuilder } from './exportReader';
import { readCsvExport } from './parseExportCsv';
import type { AccessSnapshot, SnapshotProject } from './snapshot';

export interface ParseExportOptions {
  /** The organization slug the file must be from: a file that names another one is refused (one that names none passes). */
  expectOrganization?: string;
}

type ExportFormat = 'json' | 'yaml' | 'csv' | 'markdown';

/**
 * Reads an access-matrix export this extension wrote (JSON, YAML or CSV; with or without the `export:` header and the
 * ACTIVE column of later versions) into a snapshot. Anything else, or a file past EXPORT_LIMITS, is refused with an
 * AccessError naming the file and what is wrong.
 */
export function parseAccessExport(text: string, fileName: string, options: ParseExportOptions = {}): AccessSnapshot {
  const name = shownName(fileName);
  if (text.length > EXPORT_LIMITS.chars) throw tooLarge(name);
  const body = text.replace(/^\ufeff/, '');
  if (body.trim() === '') throw invalidExport(msg('{0} is empty.', name));
  const format = formatOf(fileName, body);
  // JSON and YAML exports escape every control character; a NUL there means binary data. A CSV writes server text
  // raw, so a NUL may be a (hostile) nickname: its own checks refuse what is not a matrix.
  if (format !== 'csv' && body.includes('\0')) throw invalidExport(msg('{0} is not a text file (it holds binary data).', name));
  let snapshot: AccessSnapshot;
  if (format === 'markdown')
    throw invalidExport(msg('{0} is a Markdown export; compare JSON, YAML or CSV exports of the access matrix.', name));
  if (format === 'yaml' && body.length > EXPORT_LIMITS.yamlChars) throw yamlTooLarge(name);
  if (format === 'csv') {
    const fromName = organizationInFileName('access-matrix', fileName);
    snapshot = readCsvExport(body, name, fromName);
  } else snapshot = readObjectExport(parseStructured(body, format, name), name);
  const expected = options.expectOrganization;
  // A CSV's organization is the file-name form of the slug (fileNameSlug); a header's is the slug itself.
  const same = (org: string) => (format === 'csv' ? org === fileNameSlug(expected!) : org === expected);
  if (expected !== undefined && snapshot.organization !== undefined && !same(snapshot.organization))
    throw invalidExport(msg('{0} is from organization {1}, not {2}.', name, shown(snapshot.organization), shown(expected)));
  return snapshot;
}

/**
 * Refuses, before it is read, a file too large to be compared (its size in bytes, which bounds its characters; a
 * `.yaml`/`.yml` file against the lower YAML limit). parseAccessExport checks the text again.
 */
export function checkExportSize(fileName: string, size: number): void {
  const name = shownName(fileName);
  if (size > EXPORT_LIMITS.chars) throw tooLarge(name);
  if (/\.ya?ml$/i.test(fileName) && size > EXPORT_LIMITS.yamlChars) throw yamlTooLarge(name);
}

function shownName(fileName: string): string {
  return shown(fileName.split(/[\\/]/).pop() || fileName);
}

function tooLarge(name: string) {
  return invalidExport(
    msg('{0} is larger than {1} MB; an access-matrix export of that size cannot be compared.', name, EXPORT_LIMITS.chars / 2 ** 20),
  );
}

function yamlTooLarge(name: string) {
  return invalidExport(
    msg(
      '{0} is a YAML export larger than {1} MB, too slow to read; export the access matrix as JSON (up to {2} MB) to compare it.',
      name,
      EXPORT_LIMITS.yamlChars / 2 ** 20,
      EXPORT_LIMITS.chars / 2 ** 20,
    ),
  );
}

function formatOf(fileName: string, body: string): ExportFormat {
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'csv') return 'csv';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  const start = body.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (start.startsWith('|')) return 'markdown';
  if (/^"?USER"?,/.test(start)) return 'csv';
  return 'yaml';
}

function parseStructured(body: string, format: 'json' | 'yaml', name: string): unknown {
  try {
    if (format === 'json') return JSON.parse(body) as unknown;
    // Our YAML has no aliases, tags or merge keys: none is accepted (no alias expansion bomb).
    return parseYaml(body, { maxAliasCount: 0, merge: false, uniqueKeys: true, schema: 'core', logLevel: 'error' }) as unknown;
  } catch (e) {
    const why = shown(String(e instanceof Error ? e.message : e).split('\n')[0]);
    throw format === 'json'
      ? invalidExport(msg('{0} is not valid JSON: {1}', name, why))
      : invalidExport(msg('{0} is not valid YAML: {1}', name, why));
  }
}

/** The shape formatAccessMatrix writes as JSON or YAML (see matrixObject in core/format/access.ts). */
function readObjectExport(data: unknown, name: string): AccessSnapshot {
  if (!isRecord(data)) throw invalidExport(msg('{0} is not an access-matrix export: it is not an object with users and projects.', name));
  if (!('users' in data) && 'roles' in data) throw invalidExport(msg('{0} looks like a roles export, not an access-matrix export.', name));
  if ('users' in data && !('projects' in data) && Array.isArray(data.users) && data.users.every((u) => !isRecord(u) || !('projects' in u)))
    throw invalidExport(msg('{0} looks like a users export, not an access-matrix export.', name));
  for (const key of ['users', 'projects', 'organizationRoles'])
    if (!(key in data)) throw invalidExport(msg('{0} is not an access-matrix export: it has no "{1}" key.', name, key));
  const read = new Reader(name);
  const header = data.export === undefined ? undefined : read.record(data.export, 'export');
  if (header?.kind !== undefined && header.kind !== 'access-matrix')
    throw invalidExport(msg('{0} is a "{1}" export, not an access-matrix export.', name, shown(read.text(header.kind, 'export.kind'))));
  const organization = header?.organization === undefined ? undefined : read.text(header.organization, 'export.organization');
  const readAtText = header?.readAt ?? data.readAt;
  const readAt = readAtText === undefined ? undefined : read.time(readAtText, header?.readAt !== undefined ? 'export.readAt' : 'readAt');
  const filters = header?.filters === undefined ? undefined : read.filters(header.filters);
  const roles = read.text(data.organizationRoles, 'organizationRoles');
  if (roles !== 'read' && roles !== 'unreadable' && roles !== 'skipped') throw read.wrong('organizationRoles', 'rolesRead');
  const orgRolesRead = roles === 'read';
  const includesArchived = data.includesArchived === undefined ? undefined : read.bool(data.includesArchived, 'includesArchived');

  const built = new SnapshotBuilder(name);
  const byFileKey = new Map<string, { key: string; project: SnapshotProject }>();
  read.list(data.projects, 'projects', EXPORT_LIMITS.projects).forEach((item, i) => {
    const at = `projects[${i}]`;
    const p = read.record(item, at);
    const id = read.text(p.name ?? '', `${at}.name`);
    const slug = read.text(p.slug ?? '', `${at}.slug`);
    if (!slug && !id) throw read.wrong(`${at}.slug`, 'nonEmpty');
    const project: SnapshotProject = {
      ...(id ? { id } : {}),
      slug,
      ...(p.displayName !== undefined ? { displayName: read.text(p.displayName, `${at}.displayName`) } : {}),
      ...(p.archived !== undefined ? { archived: read.bool(p.archived, `${at}.archived`) } : {}),
      membersRead: read.bool(p.membersRead, `${at}.membersRead`),
    };
    const fileKey = slug || id;
    if (byFileKey.has(fileKey)) throw invalidExport(msg('{0}: project {1} is listed twice.', name, shown(fileKey)));
    byFileKey.set(fileKey, { key: built.addProject(project), project });
  });
  read.list(data.users, 'users', EXPORT_LIMITS.users).forEach((item, i) => {
    const at = `users[${i}]`;
    const u = read.record(item, at);
    const userName = read.text(u.name, `${at}.name`);
    if (!userName) throw read.wrong(`${at}.name`, 'nonEmpty');
    const nickname = u.nickname === undefined ? '' : read.text(u.nickname, `${at}.nickname`);
    const orgRole = u.organizationRole === undefined ? '' : read.text(u.organizationRole, `${at}.organizationRole`);
    built.addUser({
      name: userName,
      ...(nickname ? { nickname } : {}),
      email: u.email === undefined ? '' : read.text(u.email, `${at}.email`),
      ...(u.active !== undefined ? { active: read.bool(u.active, `${at}.active`) } : {}),
      ...(orgRolesRead && orgRole ? { orgRole } : {}),
    });
    const memberOf = u.projects === undefined ? {} : read.record(u.projects, `${at}.projects`);
    for (const [fileKey, role] of Object.entries(memberOf)) {
      const roleCode = read.text(role, `${at}.projects.${fileKey}`);
      const target = byFileKey.get(fileKey);
      if (!target)
        throw invalidExport(
          msg('{0}: user {1} has a role in project {2}, which the export does not list.', name, shown(userName), shown(fileKey)),
        );
      if (roleCode && target.project.membersRead) built.addMembership(userName, target.key, roleCode);
    }
  });
  return built.snapshot({
    ...(organization ? { organization } : {}),
    ...(readAt !== undefined ? { readAt } : {}),
    orgRolesRead,
    ...(includesArchived !== undefined ? { includesArchived } : {}),
    ...(filters ? { filters } : {}),
  });
}

type Expected = 'object' | 'list' | 'text' | 'boolean' | 'time' | 'rolesRead' | 'nonEmpty';

/** Typed reads of the parsed file, each naming the key path when the type is wrong. */
class Reader {
  constructor(private readonly name: string) {}

  wrong(at: string, expected: Expected): Error {
    const where = shown(at);
    const m = {
      object: msg('{0} is not an access-matrix export: {1} should be an object.', this.name, where),
      list: msg('{0} is not an access-matrix export: {1} should be a list.', this.name, where),
      text: msg('{0} is not an access-matrix export: {1} should be text.', this.name, where),
      boolean: msg('{0} is not an access-matrix export: {1} should be true or false.', this.name, where),
      time: msg('{0} is not an access-matrix export: {1} should be a time (ISO 8601).', this.name, where),
      rolesRead: msg('{0} is not an access-matrix export: {1} should be "read", "unreadable" or "skipped".', this.name, where),
      nonEmpty: msg('{0} is not an access-matrix export: {1} is empty.', this.name, where),
    }[expected];
    return invalidExport(m);
  }

  record(v: unknown, at: string): Record<string, unknown> {
    if (!isRecord(v)) throw this.wrong(at, 'object');
    return v;
  }

  list(v: unknown, at: string, max: number): unknown[] {
    if (!Array.isArray(v)) throw this.wrong(at, 'list');
    if (v.length > max) throw invalidExport(msg('{0}: {1} has more than {2} entries.', this.name, at, max.toLocaleString('en-US')));
    return v;
  }

  text(v: unknown, at: string): string {
    if (typeof v !== 'string') throw this.wrong(at, 'text');
    return boundedText(this.name, v, at);
  }

  bool(v: unknown, at: string): boolean {
    if (typeof v !== 'boolean') throw this.wrong(at, 'boolean');
    return v;
  }

  time(v: unknown, at: string): number {
    const t = Date.parse(this.text(v, at));
    if (Number.isNaN(t)) throw this.wrong(at, 'time');
    return t;
  }

  filters(v: unknown): ExportFilters {
    const f = this.record(v, 'export.filters');
    const texts = (x: unknown, at: string) => this.list(x ?? [], at, EXPORT_LIMITS.projects).map((s, i) => this.text(s, `${at}[${i}]`));
    return {
      roleCodes: texts(f.roleCodes, 'export.filters.roleCodes'),
      projects: texts(f.projects, 'export.filters.projects'),
      includeArchived: this.bool(f.includeArchived ?? false, 'export.filters.includeArchived'),
      inactiveWithRoleOnly: this.bool(f.inactiveWithRoleOnly ?? false, 'export.filters.inactiveWithRoleOnly'),
    };
  }
}
