/* global module */
'use strict';
// Statistics of the bench's samples (test/bench), plain CommonJS for its .mjs and .cjs scripts.

/**
 * The median of `xs` (the mean of the two middle values for an even count); NaN for none. Does not sort `xs` itself.
 * @param {number[]} xs
 * @returns {number}
 */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

module.exports = { median };
