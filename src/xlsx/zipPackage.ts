/**
 * Random-access reading of a zip package (.xlsx) from its central directory, so parts are read
 * in the order we need (workbook.xml and its relationships before any sheet), whatever order the
 * writer stored them in. Hostile packages are refused before any part is inflated: a missing or
 * cut central directory, a duplicated entry (two copies of one part: which one is "the" sheet?),
 * and parts whose inflated size passes the caps (a decompression bomb), with one line naming
 * the file and the part.
 */
import * as fs from "fs";
import * as zlib from "zlib";

/** Caps on inflating parts; tests lower them to try bombs without building gigabytes. */
export interface InflateLimits {
  /** Largest inflated part, in bytes. */
  maxPartBytes: number;
  /** Largest inflated/compressed ratio of a part larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/**
 * A 1,048,576-row sheet of a few dozen columns inflates to well under 1 GiB. Real sheet XML packs
 * about 8:1 (the 200,000-row sample: 137 MB in 16 MB) and blank-heavy XML a few dozen to one;
 * deflate's own ceiling is about 1,000:1. A part past 32 MiB at more than 100:1 is built to hurt,
 * and stopping there bounds the work spent on it (a 2 MB part is refused after 200 MB of XML).
 */
export const DEFAULT_LIMITS: InflateLimits = {
  maxPartBytes: 1024 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 32 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  flags: number;
}

/** Why a package cannot be read: one line for the user. */
export class PackageError extends Error {}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const n = fs.readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, n);
}

function u64(buffer: Buffer, at: number): number {
  return Number(buffer.readBigUInt64LE(at));
}

export class ZipPackage {
  private constructor(
    readonly file: string,
    private readonly fd: number,
    readonly fileSize: number,
    readonly entries: Map<string, ZipEntry>,
    readonly limits: InflateLimits,
  ) {}

  /** Opens `file` and reads its central directory; throws PackageError with a one-line message. */
  static open(file: string, limits: InflateLimits = DEFAULT_LIMITS): ZipPackage {
    const fd = fs.openSync(file, "r");
    try {
      const size = fs.fstatSync(fd).size;
      const entries = readCentralDirectory(file, fd, size);
      return new ZipPackage(file, fd, size, entries, limits);
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Where the entry's data starts, from its local header. */
  private dataStart(entry: ZipEntry): number {
    const local = readAt(this.fd, entry.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL)
      throw new PackageError(
        `${this.file} is damaged: part ${entry.name} is not where the zip directory says (the file was cut or altered); copy it again or re-save it from Excel`,
      );
    const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (start + entry.compressedSize > this.fileSize)
      throw new PackageError(
        `${this.file} is cut short: part ${entry.name} ends past the end of the file; copy it again or re-save it from Excel`,
      );
    return start;
  }

  private checkDeclared(entry: ZipEntry): void {
    const { maxPartBytes } = this.limits;
    if (entry.size > maxPartBytes) throw this.tooBig(entry, entry.size);
  }

  private tooBig(entry: ZipEntry, inflated: number): PackageError {
    const { maxPartBytes, maxRatio, ratioFloorBytes } = this.limits;
    const why =
      inflated > maxPartBytes
        ? `inflates past ${mib(maxPartBytes)}`
        : `inflates past ${mib(ratioFloorBytes)} at more than ${maxRatio} times its packed size`;
    return new PackageError(
      `${this.file}: part ${entry.name} ${why} (a decompression bomb, or not a workbook Excel writes); it was not read`,
    );
  }

  /**
   * The inflated bytes of a part as a stream of chunks, checked against the caps as they come
   * (the sizes in the directory can lie).
   */
  async *chunks(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw new PackageError(`${this.file}: package part ${name} is missing`);
    this.checkDeclared(entry);
    if (entry.flags & 1)
      throw new PackageError(`${this.file} is encrypted (password-protected): save it without a password`);
    const start = this.dataStart(entry);
    if (entry.compressedSize === 0) return;
    const raw = fs.createReadStream(this.file, {
      start,
      end: start + entry.compressedSize - 1,
      highWaterMark: 256 * 1024,
    });
    let source: NodeJS.ReadableStream = raw;
    if (entry.method === 8) source = raw.pipe(zlib.createInflateRaw());
    else if (entry.method !== 0)
      throw new PackageError(
        `${this.file}: part ${name} uses zip compression method ${entry.method}, which Excel does not write`,
      );
    const { maxPartBytes, maxRatio, ratioFloorBytes } = this.limits;
    const ratioCap = Math.max(ratioFloorBytes, entry.compressedSize * maxRatio);
    let inflated = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        if (inflated > maxPartBytes || inflated > ratioCap) throw this.tooBig(entry, inflated);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof PackageError) throw error;
      throw new PackageError(
        `${this.file}: part ${name} cannot be unpacked (${(error as Error).message}); copy it again or re-save it from Excel`,
      );
    } finally {
      raw.destroy();
    }
  }

  /** A small part as text (UTF-8), under the same caps. */
  async text(name: string): Promise<string> {
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks(name)) parts.push(chunk);
    return Buffer.concat(parts).toString("utf8");
  }
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${bytes} bytes`;
}

function readCentralDirectory(file: string, fd: number, size: number): Map<string, ZipEntry> {
  const cut = () =>
    new PackageError(
      `${file} is not a complete zip package: its directory (the end of the file) is missing or cut, so the file was probably truncated while copying or downloading; copy it again or re-save it from Excel`,
    );
  const tailLength = Math.min(size, 65535 + 22);
  const tail = readAt(fd, size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw cut();
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locatorAt = at - 20;
    if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== EOCD64_LOCATOR) throw cut();
    const record = readAt(fd, u64(tail, locatorAt + 8), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== EOCD64) throw cut();
    count = u64(record, 32);
    cdSize = u64(record, 40);
    cdOffset = u64(record, 48);
  }
  if (cdOffset + cdSize > size) throw cut();
  const cd = readAt(fd, cdOffset, cdSize);
  const entries = new Map<string, ZipEntry>();
  const seen = new Set<string>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw cut();
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const name = cd.toString("utf8", p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name,
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
    };
    readZip64Extra(entry, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    // Part names are case-insensitive in OPC: two spellings of one name are one part twice.
    const key = name.toLowerCase();
    if (seen.has(key))
      throw new PackageError(
        `${file} holds part ${name} twice: an ambiguous package (different programs would read different copies), so it is not read; re-save it from Excel`,
      );
    seen.add(key);
    entries.set(name, entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function readZip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let q = 0; q + 4 <= extra.length;) {
    const id = extra.readUInt16LE(q);
    const length = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      if (entry.size === 0xffffffff && r + 8 <= extra.length) ((entry.size = u64(extra, r)), (r += 8));
      if (entry.compressedSize === 0xffffffff && r + 8 <= extra.length)
        ((entry.compressedSize = u64(extra, r)), (r += 8));
      if (entry.localOffset === 0xffffffff && r + 8 <= extra.length) entry.localOffset = u64(extra, r);
    }
    q += 4 + length;
  }
}
