import type * as Yaml from 'yaml';

/**
 * The parts of `yaml` the cocli config parser and the credential output use, required on first use instead of at activation.
 * `yaml` is ~110 KB minified; in the bundle it is the separate dist/yaml.js (esbuild.mjs), so dist/extension.js
 * stays small and only a cocli file actually being parsed loads it.
 */
let loaded: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (loaded ??= require('yaml') as typeof Yaml);

export const parseDocument = ((...args: Parameters<typeof Yaml.parseDocument>) =>
  yaml().parseDocument(...args)) as typeof Yaml.parseDocument;
export const isAlias = ((node: unknown) => yaml().isAlias(node)) as typeof Yaml.isAlias;
export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;

/** `new LineCounter()` returns yaml's own LineCounter instance. */
export const LineCounter = class {
  constructor() {
    return new (yaml().LineCounter)();
  }
} as unknown as typeof Yaml.LineCounter;

export const parse = ((...args: Parameters<typeof Yaml.parse>) => yaml().parse(...args)) as typeof Yaml.parse;
export const stringify = ((...args: Parameters<typeof Yaml.stringify>) => yaml().stringify(...args)) as typeof Yaml.stringify;
