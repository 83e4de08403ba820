/**
 * Shared settings of the property-based (fast-check) fuzz suite.
 *
 * - Fixed seed by default, so a run is reproducible; `FUZZ_SEED=<int>` explores other inputs.
 * - `FUZZ_SCALE=<number>` multiplies every property's run count (e.g. 10 for a deeper local run).
 * - After the whole mocha run, one line reports how many generated cases ran: `fuzz: N cases …`.
 *
 * A failing property prints fast-check's counterexample together with `seed` and `path`; re-run with
 * `FUZZ_SEED=<seed>` to reproduce it.
 */
import * as fc from 'fast-check';
import { AccessError } from '../../../src/core/errors';

const DEFAULT_SEED = 20_240_817;

function parseSeed(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_SEED;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`FUZZ_SEED must be an integer, got "${raw}"`);
  return n | 0;
}

function parseScale(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1;
  const n = Number(raw);
  if (!(n > 0)) throw new Error(`FUZZ_SCALE must be a positive number, got "${raw}"`);
  return n;
}

export const SEED = parseSeed(process.env.FUZZ_SEED);
const SCALE = parseScale(process.env.FUZZ_SCALE);

/** Mocha timeout for a describe() of fuzz properties (the suite as a whole stays well below it). */
export const FUZZ_TIMEOUT_MS = 60_000;

let cases = 0;
let properties = 0;
let elapsedMs = 0;

function runs(numRuns: number): number {
  return Math.max(1, Math.round(numRuns * SCALE));
}

export interface FuzzOptions {
  /** Report the first counterexample as found, without shrinking (for properties whose failing cases are slow). */
  endOnFailure?: boolean;
}

/** Checks `predicate` on `numRuns` generated values; the predicate throws (assert) to fail. */
export function fuzz<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns: number, options: FuzzOptions = {}): void {
  const started = performance.now();
  properties++;
  try {
    fc.assert(
      fc.property(arb, (value) => {
        cases++;
        predicate(value);
      }),
      { seed: SEED, numRuns: runs(numRuns), endOnFailure: options.endOnFailure },
    );
  } finally {
    elapsedMs += performance.now() - started;
  }
}

export async function fuzzAsync<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, numRuns: number): Promise<void> {
  const started = performance.now();
  properties++;
  try {
    await fc.assert(
      fc.asyncProperty(arb, async (value) => {
        cases++;
        await predicate(value);
      }),
      { seed: SEED, numRuns: runs(numRuns) },
    );
  } finally {
    elapsedMs += performance.now() - started;
  }
}

/**
 * CPU milliseconds `fn` takes (process CPU time, so other processes on a busy shared machine do not count): the
 * best of up to three tries while over `budgetMs`, so one GC pause does not fail a run. For "stays linear"
 * properties only: a linear pass takes a few ms, a quadratic one seconds on every try.
 */
export function cpuMs(fn: () => void, budgetMs: number): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3 && best >= budgetMs; attempt++) {
    const started = process.cpuUsage();
    fn();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Runs `fn`; returns its result, or the error when it is an instance of `errorType` (anything else is re-thrown). */
export function resultOr<T, E extends Error>(
  fn: () => T,
  errorType: abstract new (...args: never[]) => E,
): { ok: true; value: T } | { ok: false; error: E } {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (err instanceof errorType) return { ok: false, error: err };
    throw err;
  }
}

/** The error's user-facing text, log detail and Error.message together (for "never contains" checks). */
export function allText(err: AccessError): string {
  return [err.message, err.detail ?? ''].join('\n');
}

/** Number of lines as an editor counts them (\r\n, \r and \n all end a line). */
export function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

// ---- shared arbitraries ----

/** Characters that make parsers work: YAML/JSON/HTML/URL syntax, whitespace, controls, non-ASCII. */
export const SYNTAX_CHARS = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  ':',
  ': ',
  '-',
  '- ',
  '?',
  '[',
  ']',
  '{',
  '}',
  ',',
  '#',
  '&',
  '*',
  '!',
  '!!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
  '\\',
  '~',
  '.',
  '/',
  '=',
  '<',
  '>',
  ';',
  '+',
  '$',
  '^',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
  'é',
  '中',
  '😀',
  '\ud800',
  'a',
  'b',
  'Z',
  '0',
  '1',
  '9',
];

export const syntaxString = (maxLength = 60): fc.Arbitrary<string> =>
  fc.string({ unit: fc.oneof(fc.constantFrom(...SYNTAX_CHARS), fc.string({ minLength: 1, maxLength: 1 })), maxLength });

/** Any string: ASCII, full Unicode (lone surrogates included) or syntax-heavy. */
export const anyString = (maxLength = 60): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'binary', maxLength }), syntaxString(maxLength));

/** A string of length ≥ `min`, built by repeating a short random chunk (cheap "huge input" generator). */
export const hugeString = (min: number): fc.Arbitrary<string> =>
  anyString(8).map((chunk) => {
    const c = chunk === '' ? 'x' : chunk;
    return c.repeat(Math.ceil(min / c.length));
  });

/** Object keys that break naive `record[key]` lookups. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

after(function () {
  if (properties > 0) {
    console.log(
      `  fuzz: ${cases} cases in ${properties} properties, ${Math.round(elapsedMs)} ms (seed ${SEED}${SCALE !== 1 ? `, scale ${SCALE}` : ''})`,
    );
  }
});
