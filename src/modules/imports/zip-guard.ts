import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../core/errors.js';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

const unreadable = () => new AppError('IMPORT_FILE_UNREADABLE', 400);
const tooLarge = (maxBytes: number) => new AppError('IMPORT_FILE_TOO_LARGE', 413, { mb: Math.round(maxBytes / 1024 / 1024) });

interface Entry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

function centralDirectory(zip: Buffer): Entry[] {
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw unreadable();
    entries.push({ method: zip.readUInt16LE(at + 10), compressedSize: zip.readUInt32LE(at + 20), localOffset: zip.readUInt32LE(at + 42) });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflates one entry without keeping its output, counting bytes; stops as soon as the budget is spent. */
function inflatedSize(data: Buffer, budget: number, maxBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        reject(tooLarge(maxBytes));
      }
    });
    inflate.on('end', () => resolve(size));
    inflate.on('error', () => reject(unreadable()));
    inflate.end(data);
  });
}

/**
 * Refuses an XLSX (a zip) whose content would unpack to more than `maxUnpacked` bytes, by really
 * inflating every entry with a byte budget (declared sizes can lie), before any parser sees it. Memory
 * stays at one inflate window, so a zip bomb costs a moment of CPU, not the server.
 */
export async function assertZipWithinLimits(zip: Buffer, maxUnpacked: number, maxBytes: number): Promise<void> {
  let budget = maxUnpacked;
  for (const e of centralDirectory(zip)) {
    const at = e.localOffset;
    if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) throw unreadable();
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, start + e.compressedSize);
    if (e.method === 0) budget -= data.length;
    else if (e.method === 8) budget -= await inflatedSize(data, budget, maxBytes);
    else throw unreadable();
    if (budget < 0) throw tooLarge(maxBytes);
  }
}
