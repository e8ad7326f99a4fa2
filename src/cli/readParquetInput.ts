import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { RelmarkError } from '../errors/RelmarkError.js';
import { readParquetTransactions, type ParquetSource } from '../io/index.js';
import { inferColumnMapping } from './inferColumnMapping.js';
import type { InputInfo, ReadInputOptions } from './readInput.js';

/** "PAR1", the first (and last) four bytes of every Parquet file. */
const magic = [0x50, 0x41, 0x52, 0x31];

/** True when bytes start like a Parquet file. */
export function startsLikeParquet(head: Uint8Array): boolean {
  return magic.every((byte, i) => head[i] === byte);
}

/** True when a file is Parquet: by its name (`.parquet`) or its first four bytes ("PAR1"). */
export function isParquetFile(file: string): boolean {
  if (file === '-') return false;
  if (/\.parquet$/i.test(file)) return true;
  const head = new Uint8Array(4);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    readSync(fd, head, 0, 4, 0);
  } catch {
    return false; // readInput reports the missing or unreadable file as it does for CSV
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return startsLikeParquet(head);
}

/** The error for Parquet on standard input: Parquet needs random access (its footer comes last). */
export function parquetOnStdin(): RelmarkError {
  return new RelmarkError('invalid_input', 'Parquet cannot be read from standard input', {
    issues: [{ code: 'parquet_on_stdin', path: [], message: 'The input starts like a Parquet file (PAR1), which is read from its end: give the file path instead of -' }],
  });
}

/**
 * Reads a Parquet file of transactions with the CLI's column inference and required columns, into the
 * same sinks as a CSV file ({@link readParquetTransactions}: row groups, mapped columns only). The
 * file is read with positioned reads, never whole.
 */
export async function readParquetInput(options: ReadInputOptions, checkRequiredColumns: (header: readonly string[], mapping: ReturnType<typeof inferColumnMapping>) => void): Promise<InputInfo> {
  const total = statSync(options.file).size;
  const handle = await open(options.file, 'r');
  let bytes = 0;
  const source: ParquetSource = {
    byteLength: total,
    async slice(start: number, end: number = total) {
      const buffer = new Uint8Array(Math.max(0, end - start));
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, start + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      bytes += filled;
      return buffer.buffer;
    },
  };
  try {
    const state = await readParquetTransactions(source, {
      mapping: (header) => {
        const mapping = inferColumnMapping(header, options.columns);
        checkRequiredColumns(header, mapping);
        options.onMapping?.(mapping);
        return mapping;
      },
      onBatch: options.onBatch,
      onRejected: options.onRejected,
      onDictionary: options.onDictionary,
      onProgress: () => options.onProgress?.(Math.min(bytes, total), total),
    });
    return { ...state, format: 'parquet', compressed: false, delimiter: undefined };
  } finally {
    await handle.close();
  }
}
