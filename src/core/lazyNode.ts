import type * as ChildProcess from 'node:child_process';
import type * as Crypto from 'node:crypto';
import type * as Net from 'node:net';

/**
 * Node built-ins that take milliseconds to load in a fresh process (node:crypto alone ~7 ms), required where first
 * used instead of when dist/extension.js loads: activation needs none of them. require() caches each module.
 */
export const crypto = (): typeof Crypto => require('node:crypto') as typeof Crypto;
export const net = (): typeof Net => require('node:net') as typeof Net;
export const childProcess = (): typeof ChildProcess => require('node:child_process') as typeof ChildProcess;
