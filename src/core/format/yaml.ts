import type { ProtoObject, ProtoValue } from './protojson';

/**
 * A yaml.v3 encoder (indent 2) for the JSON-shaped values cocli prints: maps with sorted keys, lists,
 * strings and booleans. Written out instead of using a YAML library so the quoting matches Go's:
 * a string that would read back as anything else (number, bool, null, timestamp, yes/no…) is
 * double-quoted, one the plain style cannot hold is single-quoted.
 */
export function toYamlText(value: ProtoObject): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}\n';
  return emitMap(value, 0).join('\n') + '\n';
}

function emitMap(map: ProtoObject, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const key of Object.keys(map).sort(compareKeys)) {
    const v = map[key];
    const k = scalar(key);
    if (isScalar(v)) lines.push(`${pad}${k}: ${scalarOf(v)}`);
    else if (Array.isArray(v) && v.length === 0) lines.push(`${pad}${k}: []`);
    else if (!Array.isArray(v) && Object.keys(v).length === 0) lines.push(`${pad}${k}: {}`);
    else {
      lines.push(`${pad}${k}:`);
      // A loop, not push(...block): a block of a big export (an access matrix of 20,000 users) has more lines than
      // a call can take arguments.
      for (const line of Array.isArray(v) ? emitList(v, indent + 2) : emitMap(v, indent + 2)) lines.push(line);
    }
  }
  return lines;
}

function emitList(list: ProtoValue[], indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const item of list) {
    if (isScalar(item)) {
      lines.push(`${pad}- ${scalarOf(item)}`);
      continue;
    }
    const inner = Array.isArray(item) ? emitList(item, indent + 2) : emitMap(item, indent + 2);
    if (inner.length === 0) {
      lines.push(`${pad}- ${Array.isArray(item) ? '[]' : '{}'}`);
      continue;
    }
    // The first line of the nested block moves up next to the dash.
    lines.push(`${pad}- ${inner[0].slice(indent + 2)}`);
    for (let i = 1; i < inner.length; i++) lines.push(inner[i]);
  }
  return lines;
}

function isScalar(v: ProtoValue): v is string | boolean {
  return typeof v === 'string' || typeof v === 'boolean';
}

function scalarOf(v: string | boolean): string {
  return typeof v === 'boolean' ? String(v) : scalar(v);
}

/** yaml.v3's key order: letters sort before other characters; otherwise by code point. */
export function compareKeys(a: string, b: string): number {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = /\p{L}/u.test(ar[i]);
    const bl = /\p{L}/u.test(br[i]);
    if (al !== bl) return al ? -1 : 1;
    return ar[i].codePointAt(0)! - br[i].codePointAt(0)!;
  }
  return ar.length - br.length;
}

const NON_STRING_PLAIN = [
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/,
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/, // YAML 1.1 booleans yaml.v3 still quotes
  /^[-+]?(?:0[bB][01_]+|0[oO][0-7_]+|0[xX][0-9a-fA-F_]+|[0-9][0-9_]*)$/, // Go ParseInt base 0 after dropping '_'
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/, // base 60
  /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::?\d{2})?))?)?$/,
];

function resolvesToNonString(s: string): boolean {
  return s === '' || NON_STRING_PLAIN.some((re) => re.test(s));
}

/** Whether libyaml's emitter allows the plain style for a block-context scalar. */
function plainAllowed(s: string): boolean {
  if (/^[\s]|[\s]$/.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) && !/^[-?:][^\s]/.test(s)) return false;
  if (s.startsWith('---') || s.startsWith('...')) return false;
  if (/: |:$| #/.test(s)) return false;
  return true;
}

/**
 * Characters a YAML reader may take for a line break or fold into a space (CR, NEL, LS, PS in YAML 1.1 readers such as
 * PyYAML and libyaml) or drop: every C0 control (tab and newline included), DEL, every C1 control, LS, PS and the BOM.
 * A string holding one is written double-quoted with the character escaped, so a crafted nickname cannot start a new
 * line, a new key or a new list item in the export.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const MUST_ESCAPE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

function scalar(s: string): string {
  if (resolvesToNonString(s)) return doubleQuoted(s);
  if (MUST_ESCAPE.test(s)) return doubleQuoted(s);
  if (plainAllowed(s)) return s;
  if (/^[\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]*$/.test(s)) return `'${s.replace(/'/g, "''")}'`;
  return doubleQuoted(s);
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) out += `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (cp === 0x2028 || cp === 0x2029 || cp === 0xfeff) out += `\\u${cp.toString(16).toUpperCase()}`;
    else out += ch;
  }
  return `${out}"`;
}
