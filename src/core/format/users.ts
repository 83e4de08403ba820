import type { User } from '../coscene/model';
import { exportFactsObject, type ExportFacts } from './exportFacts';
import { OutputFormat } from './output';
import { listUsersMessage, toJsonText, userMessage, type ProtoObject } from './protojson';
import { Column, renderCsv, renderTable } from './table';
import { formatLocalRfc3339, localZoneOffset, ZoneOffset } from './time';
import { toYamlText } from './yaml';

export interface UserFormatOptions {
  /** Zone for CREATE TIME; the machine's local zone by default. */
  zone?: ZoneOffset;
  /** Printed by json/yaml like cocli does for a single page; '' for a complete export. */
  nextPageToken?: string;
  /** cocli's `-v` (table and wide): RESOURCE NAME (`users/<id>`) instead of ID, cells unpadded and uncut. */
  verbose?: boolean;
  /** JSON and YAML of a list start with an `export:` object saying what was read where (kind `users`). */
  facts?: ExportFacts;
}

/** The `kind` a users export names in its `export:` header. */
export const USERS_EXPORT_KIND = 'users';

/** `users/<uuid>` → `<uuid>`; anything else unchanged (cocli's name.NewUser fallback). */
export function userId(name: string): string {
  const m = /^users\/([^/]+)$/.exec(name);
  return m ? m[1] : name;
}

export function userColumns(zone: ZoneOffset = localZoneOffset, verbose = false): Column<User>[] {
  return [
    verbose
      ? { header: 'RESOURCE NAME', trimSize: 36, value: (u) => u.name }
      : { header: 'ID', trimSize: 36, value: (u) => userId(u.name) },
    { header: 'NICKNAME', trimSize: 20, value: (u) => u.nickname ?? '' },
    { header: 'EMAIL', trimSize: 30, value: (u) => u.email, wideOnly: true },
    { header: 'ROLE', trimSize: 20, value: (u) => u.role?.code ?? '' },
    { header: 'ACTIVE', trimSize: 6, value: (u) => String(u.active) },
    { header: 'PHONE', trimSize: 15, value: (u) => u.phoneNumber, wideOnly: true },
    { header: 'CREATE TIME', trimSize: 25, value: (u) => (u.createTime ? formatLocalRfc3339(u.createTime, zone) : ''), wideOnly: true },
  ];
}

/** `cocli user list -o <format>` for these users. */
export function formatUsers(users: readonly User[], format: OutputFormat, options: UserFormatOptions = {}): string {
  const verbose = options.verbose ?? false;
  const columns = userColumns(options.zone, verbose && (format === 'table' || format === 'wide'));
  switch (format) {
    case 'table':
      return renderTable(
        columns.filter((c) => !c.wideOnly),
        users,
        verbose,
      );
    case 'wide':
      return renderTable(columns, users, verbose);
    case 'csv':
      return renderCsv(columns, users);
    case 'json':
      return toJsonText(withFacts(listUsersMessage(users, options.nextPageToken ?? '', 'json'), options.facts));
    case 'yaml':
      return toYamlText(withFacts(listUsersMessage(users, options.nextPageToken ?? '', 'proto'), options.facts));
  }
}

/** `cocli user get -o <format>`: json and yaml print the bare User. */
export function formatUser(user: User, format: OutputFormat, options: UserFormatOptions = {}): string {
  if (format === 'json') return toJsonText(userMessage(user, 'json'));
  if (format === 'yaml') return toYamlText(userMessage(user, 'proto'));
  return formatUsers([user], format, options);
}

function withFacts(message: ProtoObject, facts: ExportFacts | undefined): ProtoObject {
  return facts ? { export: exportFactsObject(facts, USERS_EXPORT_KIND), ...message } : message;
}
