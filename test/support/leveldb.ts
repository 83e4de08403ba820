/**
 * Reads the data blocks of a LevelDB table file (`*.ldb` / `*.sst`, as Chromium keeps Local Storage and IndexedDB),
 * decompressing Snappy blocks, so a secret scan sees what the raw bytes hide: Snappy replaces repeated byte runs with
 * back-references, which can split a stored secret. Format: github.com/google/leveldb doc/table_format.md.
 */

const FOOTER_BYTES = 48;
const MAGIC = Buffer.from([0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb]);
const NO_COMPRESSION = 0;
const SNAPPY = 1;
/** One table holds at most a few MB per block in practice; more is a broken file, not something to allocate. */
const MAX_BLOCK_BYTES = 64 * 1024 * 1024;

class Reader {
  constructor(
    private readonly data: Buffer,
    public pos = 0,
  ) {}

  varint(): number {
    let result = 0;
    for (let shift = 0; shift < 64; shift += 7) {
      if (this.pos >= this.data.length) throw new Error('varint past the end');
      const byte = this.data[this.pos++];
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw new Error('varint longer than 10 bytes');
  }
}

/** Raw Snappy (no framing): a varint length, then literals and back-references. */
export function snappyUncompress(input: Buffer): Buffer {
  const reader = new Reader(input);
  const length = reader.varint();
  if (length > MAX_BLOCK_BYTES) throw new Error(`snappy block of ${length} bytes`);
  const out = Buffer.alloc(length);
  let o = 0;
  let i = reader.pos;
  while (i < input.length) {
    const tag = input[i++];
    let copyLength: number;
    let offset: number;
    if ((tag & 3) === 0) {
      let literal = tag >> 2;
      if (literal >= 60) {
        const bytes = literal - 59;
        literal = input.readUIntLE(i, bytes);
        i += bytes;
      }
      literal += 1;
      if (i + literal > input.length || o + literal > length) throw new Error('snappy literal past the end');
      input.copy(out, o, i, i + literal);
      i += literal;
      o += literal;
      continue;
    } else if ((tag & 3) === 1) {
      copyLength = 4 + ((tag >> 2) & 7);
      offset = ((tag >> 5) << 8) | input[i++];
    } else if ((tag & 3) === 2) {
      copyLength = (tag >> 2) + 1;
      offset = input.readUInt16LE(i);
      i += 2;
    } else {
      copyLength = (tag >> 2) + 1;
      offset = input.readUInt32LE(i);
      i += 4;
    }
    if (offset === 0 || offset > o || o + copyLength > length) throw new Error('snappy copy out of range');
    for (let k = 0; k < copyLength; k++, o++) out[o] = out[o - offset]; // may overlap: byte by byte
  }
  if (o !== length) throw new Error(`snappy gave ${o} of ${length} bytes`);
  return out;
}

interface BlockHandle {
  offset: number;
  size: number;
}

function readBlock(table: Buffer, handle: BlockHandle): { contents: Buffer; compressed: boolean } {
  const end = handle.offset + handle.size;
  if (handle.size > MAX_BLOCK_BYTES || end + 5 > table.length) throw new Error('block outside the file');
  const raw = table.subarray(handle.offset, end);
  const type = table[end];
  if (type === NO_COMPRESSION) return { contents: raw, compressed: false };
  if (type === SNAPPY) return { contents: snappyUncompress(raw), compressed: true };
  throw new Error(`block compression type ${type}`);
}

/** The values of a block's entries (shared-prefix keys; values are what the index block points with). */
function blockValues(block: Buffer): Buffer[] {
  if (block.length < 4) throw new Error('block shorter than its restart count');
  const restarts = block.readUInt32LE(block.length - 4);
  const entriesEnd = block.length - 4 * (restarts + 1);
  if (entriesEnd < 0) throw new Error('restart array larger than the block');
  const reader = new Reader(block);
  const values: Buffer[] = [];
  while (reader.pos < entriesEnd) {
    reader.varint(); // shared key bytes
    const unshared = reader.varint();
    const valueLength = reader.varint();
    const valueStart = reader.pos + unshared;
    if (valueStart + valueLength > entriesEnd) throw new Error('entry past the block');
    values.push(block.subarray(valueStart, valueStart + valueLength));
    reader.pos = valueStart + valueLength;
  }
  return values;
}

/**
 * The data blocks of a table file, decompressed. Throws on anything that is not a well-formed table (the caller
 * counts such a file as unscanned, never as clean).
 */
export function tableDataBlocks(table: Buffer): { blocks: Buffer[]; compressed: number } {
  if (table.length < FOOTER_BYTES || !table.subarray(table.length - 8).equals(MAGIC)) throw new Error('no LevelDB table footer');
  const footer = new Reader(table, table.length - FOOTER_BYTES);
  footer.varint(); // metaindex offset
  footer.varint(); // metaindex size
  const index = readBlock(table, { offset: footer.varint(), size: footer.varint() }).contents;
  const blocks: Buffer[] = [];
  let compressed = 0;
  for (const value of blockValues(index)) {
    const handle = new Reader(value);
    const block = readBlock(table, { offset: handle.varint(), size: handle.varint() });
    blocks.push(block.contents);
    if (block.compressed) compressed++;
  }
  return { blocks, compressed };
}
