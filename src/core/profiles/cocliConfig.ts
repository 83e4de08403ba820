import * as path from 'node:path';
import type { Document, Node, YAMLMap } from 'yaml';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from './lazyYaml';
import { msg, type Msg } from '../errors';
import { redact } from '../redact';
import { ConfigError } from './configError';
import { endpointProblem } from './endpoint';
import type { Profile } from './profile';

export interface CocliConfig {
  currentProfile?: string;
  profiles: Profile[];
}

/** `<home>/.cocli.yaml`, like cocli (which joins with '/', also on Windows). */
export function defaultCocliConfigPath(home: string): string {
  return path.join(home, '.cocli.yaml');
}

const NULL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);

/** Parses and validates `~/.cocli.yaml` the way cocli does, except for our looser endpoint rule. Throws ConfigError. */
export function parseCocliConfig(text: string, filePath: string): CocliConfig {
  const lines = new LineCounter();
  // failsafe: every scalar stays text, so a token like 0123 keeps its leading zero.
  const doc = parseDocument(text, { lineCounter: lines, schema: 'failsafe', prettyErrors: false, uniqueKeys: true });
  const at = (node: Node | null | undefined, m: (file: string, line: number, col: number) => Msg): ConfigError => {
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    return new ConfigError(m(filePath, pos.line, pos.col), filePath, pos.line, pos.col);
  };

  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = lines.linePos(yamlError.pos[0]);
    // prettyErrors is off, so the parser message carries no source excerpt; but some messages end with the
    // offending text (`Block scalar header includes extra characters: |<token>`, `Not a YAML token: …`,
    // `Unresolved alias …: …`), and a token could be that text: keep only the part before ": ".
    const reason = redact(yamlError.message.split('\n')[0].replace(/: [\s\S]*$/, ''));
    throw new ConfigError(
      msg('{0} is not valid YAML (line {1}, column {2}): {3}', filePath, pos.line, pos.col, reason),
      filePath,
      pos.line,
      pos.col,
    );
  }

  const root = resolve(doc, doc.contents);
  if (!root || isNullScalar(root)) return { profiles: [] };
  if (!isMap(root)) throw at(root, (f, l) => msg('{0}, line {1}: the file must be a mapping with current-profile and profiles.', f, l));

  const currentNode = resolve(doc, root.get('current-profile', true) as Node | undefined);
  const currentProfile = readText(doc, currentNode, 'current-profile', at);
  const profilesNode = resolve(doc, root.get('profiles', true) as Node | undefined);
  const profiles: Profile[] = [];
  const namesSeen = new Set<string>();

  if (profilesNode && !isNullScalar(profilesNode)) {
    if (!isSeq(profilesNode)) throw at(profilesNode, (f, l) => msg('{0}, line {1}: "profiles" must be a list.', f, l));
    for (const item of profilesNode.items) {
      const node = resolve(doc, item as Node);
      if (!isMap(node)) {
        throw at(node ?? profilesNode, (f, l) =>
          msg('{0}, line {1}: each profile must be a mapping with name, endpoint, token and project.', f, l),
        );
      }
      const profile = readProfile(doc, node, at);
      if (namesSeen.has(profile.name)) {
        throw at(node.get('name', true) as Node, (f, l) => msg('{0}, line {1}: the profile name "{2}" is used twice.', f, l, profile.name));
      }
      namesSeen.add(profile.name);
      profiles.push(profile);
    }
  }

  if (currentProfile !== undefined) {
    if (profiles.length === 0) {
      throw at(currentNode, (f, l) => msg('{0}, line {1}: current-profile is "{2}", but the file has no profiles.', f, l, currentProfile));
    }
    if (!namesSeen.has(currentProfile)) {
      throw at(currentNode, (f, l) => msg('{0}, line {1}: current-profile is "{2}", but no profile has that name.', f, l, currentProfile));
    }
  }
  return currentProfile === undefined ? { profiles } : { currentProfile, profiles };
}

type At = (node: Node | null | undefined, m: (file: string, line: number, col: number) => Msg) => ConfigError;

function readProfile(doc: Document, node: YAMLMap, at: At): Profile {
  const field = (key: string) => {
    const value = resolve(doc, node.get(key, true) as Node | undefined);
    return { value, text: readText(doc, value, key, at) };
  };
  const name = field('name');
  if (!name.text) throw at(node, (f, l) => msg('{0}, line {1}: a profile has no "name".', f, l));
  const profileName = name.text;
  const required = (key: string): string => {
    const { value, text } = field(key);
    if (!text) throw at(value ?? node, (f, l) => msg('{0}, line {1}: profile "{2}" has no "{3}".', f, l, profileName, key));
    return text;
  };
  const endpoint = required('endpoint');
  const problem = endpointProblem(endpoint);
  if (problem) {
    const endpointNode = field('endpoint').value;
    throw at(endpointNode, (f, l) =>
      problem === 'not-a-url'
        ? msg('{0}, line {1}: the endpoint of profile "{2}" is not a URL.', f, l, profileName)
        : problem === 'userinfo'
          ? msg('{0}, line {1}: the endpoint of profile "{2}" must not contain a user name or password.', f, l, profileName)
          : msg('{0}, line {1}: the endpoint of profile "{2}" must start with https:// (http:// only for localhost).', f, l, profileName),
    );
  }
  const token = required('token');
  const project = required('project');
  const org = field('org').text;
  const projectName = field('project-name').text;
  return {
    name: profileName,
    endpoint,
    token,
    project,
    ...(org ? { org } : {}),
    ...(projectName ? { projectName } : {}),
    source: 'cocli',
  };
}

/** Scalar text, undefined when absent or null; throws when the node is a list or mapping. Never echoes the value. */
function readText(doc: Document, node: Node | null | undefined, key: string, at: At): string | undefined {
  const value = resolve(doc, node);
  if (value === undefined || value === null || isNullScalar(value)) return undefined;
  if (!isScalar(value)) throw at(value, (f, l) => msg('{0}, line {1}: "{2}" must be text, not a list or mapping.', f, l, key));
  return String(value.value).trim() || undefined;
}

function resolve(doc: Document, node: Node | null | undefined): Node | null | undefined {
  // Bounded: yaml rejects alias cycles, but stay safe.
  let current = node;
  for (let i = 0; i < 16 && current && isAlias(current); i++) current = current.resolve(doc) as Node | undefined;
  return current;
}

function isNullScalar(node: Node): boolean {
  return isScalar(node) && node.type === 'PLAIN' && NULL_WORDS.has(String(node.value));
}
