import type { Role } from '../coscene/model';
import { OutputFormat } from './output';
import { listRolesMessage, roleMessage, toJsonText } from './protojson';
import { Column, renderCsv, renderTable } from './table';
import { toYamlText } from './yaml';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** cocli re-sorts roles for every format: level ascending (organization < project), then code. */
export function sortRoles(roles: readonly Role[]): Role[] {
  return [...roles].sort((a, b) => byCodeUnits(a.level, b.level) || byCodeUnits(a.code, b.code));
}

export const ROLE_COLUMNS: readonly Column<Role>[] = [
  { header: 'NAME', trimSize: 36, value: (r) => r.name.replace(/^roles\//, ''), wideOnly: true },
  { header: 'DISPLAY NAME', trimSize: 30, value: (r) => r.displayName },
  { header: 'CODE', trimSize: 25, value: (r) => r.code },
  { header: 'LEVEL', trimSize: 15, value: (r) => r.level },
];

/** cocli's `-v`: the NAME column becomes RESOURCE NAME (`roles/<id>`), which the default table's omit list no longer hides. */
const VERBOSE_ROLE_COLUMNS: readonly Column<Role>[] = [
  { header: 'RESOURCE NAME', trimSize: 36, value: (r) => r.name },
  ...ROLE_COLUMNS.slice(1),
];

/** `cocli role list -o <format> [-v]`; the rows are sorted here, as cocli does. `verbose` applies to table and wide. */
export function formatRoles(roles: readonly Role[], format: OutputFormat, nextPageToken = '', verbose = false): string {
  const sorted = sortRoles(roles);
  switch (format) {
    case 'table':
      return verbose
        ? renderTable(VERBOSE_ROLE_COLUMNS, sorted, true)
        : renderTable(
            ROLE_COLUMNS.filter((c) => !c.wideOnly),
            sorted,
          );
    case 'wide':
      return renderTable(verbose ? VERBOSE_ROLE_COLUMNS : ROLE_COLUMNS, sorted, verbose);
    case 'csv':
      return renderCsv(ROLE_COLUMNS, sorted);
    case 'json':
      return toJsonText(listRolesMessage(sorted, nextPageToken, 'json'));
    case 'yaml':
      return toYamlText(listRolesMessage(sorted, nextPageToken, 'proto'));
  }
}

/** One role for Show Details (no cocli command prints a single role; same message shape as in the list). */
export function formatRole(role: Role, format: 'json' | 'yaml'): string {
  return format === 'json' ? toJsonText(roleMessage(role, 'json')) : toYamlText(roleMessage(role, 'proto'));
}
