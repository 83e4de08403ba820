/** The LevelDB table reader of the secret scans: a secret split by Snappy back-references is found again. */
import * as assert from 'node:assert/strict';
import { snappyUncompress, tableDataBlocks } from '../../support/leveldb';

const varint = (n: number): Buffer => {
  const bytes: number[] = [];
  for (; n >= 0x80; n = Math.floor(n / 128)) bytes.push((n & 0x7f) | 0x80);
  bytes.push(n);
  return Buffer.from(bytes);
};
/** Snappy elements, written by hand so the test does not reuse the reader's own logic. */
const literal = (text: Buffer): Buffer => {
  const n = text.length - 1;
  if (n < 60) return Buffer.concat([Buffer.from([n << 2]), text]);
  return Buffer.concat([Buffer.from([60 << 2, n & 0xff]), text]); // one extra length byte (n < 256)
};
const copy = (offset: number, length: number): Buffer => Buffer.from([((length - 1) << 2) | 2, offset & 0xff, offset >> 8]);
const snappy = (length: number, ...elements: Buffer[]): Buffer => Buffer.concat([varint(length), ...elements]);

/** One block: entries (no shared prefixes) and a restart array with one restart at 0. */
const block = (entries: [string, Buffer][]): Buffer => {
  const body = entries.map(([k, v]) => Buffer.concat([varint(0), varint(k.length), varint(v.length), Buffer.from(k), v]));
  const restarts = Buffer.alloc(8);
  restarts.writeUInt32LE(0, 0);
  restarts.writeUInt32LE(1, 4);
  return Buffer.concat([...body, restarts]);
};
const withTrailer = (contents: Buffer, type: number): Buffer => Buffer.concat([contents, Buffer.from([type, 0, 0, 0, 0])]);

/** A table file with the given data blocks (each [contents, compression type]) and the index pointing at them. */
function table(dataBlocks: [Buffer, number][]): Buffer {
  const parts: Buffer[] = [];
  const handles: [string, Buffer][] = [];
  let offset = 0;
  dataBlocks.forEach(([contents, type], i) => {
    handles.push([`k${i}`, Buffer.concat([varint(offset), varint(contents.length)])]);
    parts.push(withTrailer(contents, type));
    offset += contents.length + 5;
  });
  const metaindex = block([]);
  const metaOffset = offset;
  parts.push(withTrailer(metaindex, 0));
  offset += metaindex.length + 5;
  const index = block(handles);
  parts.push(withTrailer(index, 0));
  const handlesBytes = Buffer.concat([varint(metaOffset), varint(metaindex.length), varint(offset), varint(index.length)]);
  const footer = Buffer.concat([
    handlesBytes,
    Buffer.alloc(40 - handlesBytes.length),
    Buffer.from([0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb]),
  ]);
  return Buffer.concat([...parts, footer]);
}

describe('LevelDB tables in the secret scans (test/support/leveldb.ts)', () => {
  it('Snappy: literals (short and long), back-references and overlapping runs', () => {
    const long = Buffer.from('x'.repeat(70));
    const out = snappyUncompress(
      snappy(4 + 70 + 4 + 6, literal(Buffer.from('ab-c')), literal(long), copy(74, 4), literal(Buffer.from('z')), copy(1, 5)),
    );
    assert.equal(out.toString(), `ab-c${'x'.repeat(70)}ab-czzzzzz`);
  });

  it('a secret that Snappy split with a back-reference is whole in the decompressed block, not in the raw file', () => {
    const secret = 'CANARY-token-0123';
    // "CANARY-user…" first, then the secret: its "CANARY-" prefix becomes a back-reference.
    const value = Buffer.from(`CANARY-user|${secret}`);
    const packed = snappy(value.length, literal(Buffer.from('CANARY-user|')), copy(12, 7), literal(Buffer.from('token-0123')));
    assert.equal(snappyUncompress(packed).toString(), value.toString());
    const data = block([['secret', value]]);
    const at = data.indexOf(secret);
    const back = at - data.indexOf('CANARY-user');
    const compressedBlock = snappy(data.length, literal(data.subarray(0, at)), copy(back, 7), literal(data.subarray(at + 7)));
    const file = table([
      [compressedBlock, 1],
      [block([['plain', Buffer.from('nothing here')]]), 0],
    ]);
    assert.ok(!file.includes(Buffer.from(secret)), 'the raw table does not show the secret');
    const { blocks, compressed } = tableDataBlocks(file);
    assert.equal(blocks.length, 2);
    assert.equal(compressed, 1);
    assert.ok(blocks[0].includes(Buffer.from(secret)), 'the decompressed block does');
  });

  it('a file that is not a table, or a block that runs past the end, is an error (never "clean")', () => {
    assert.throws(() => tableDataBlocks(Buffer.from('not a table at all, just text that is long enough to have a footer')), /footer/);
    const file = table([[block([['a', Buffer.from('b')]]), 0]]);
    const cut = Buffer.concat([file.subarray(0, 3), file.subarray(file.length - 48)]);
    assert.throws(() => tableDataBlocks(cut));
    assert.throws(() => snappyUncompress(snappy(10, copy(5, 4))), /copy out of range/);
    const badType = table([[block([['a', Buffer.from('b')]]), 7]]);
    assert.throws(() => tableDataBlocks(badType), /compression type 7/);
  });
});
