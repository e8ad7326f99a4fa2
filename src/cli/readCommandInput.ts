import { join } from 'node:path';
import type { TransactionColumnBatch, TransactionMapping } from '../io/index.js';
import type { Settings } from './commandLine.js';
import { createProgress } from './progress.js';
import { type InputInfo, readInput } from './readInput.js';
import type { Streams } from './runCommand.js';
import { createRejectedSink, type RejectedSink } from './writeOutputs.js';

/** What every command reads from its input file: the reader's summary and the rejected rows. */
export interface CommandInput {
  readonly info: InputInfo;
  readonly rejected: RejectedSink;
  /** Where the rejected rows were written (`--rejected`, or `rejected.csv` in `--out`), if anywhere. */
  readonly rejectedPath: string | undefined;
}

/**
 * Reads the command's input file in one pass with progress on stderr, handing each batch of valid
 * rows to `onBatch` and every rejected row to the rejected sink (named by the file's own column
 * names): the part `relmark report|rfm|clv|contacts` and `relmark cohorts` share.
 */
export async function readCommandInput(
  settings: Settings,
  streams: Streams,
  handlers: { readonly onBatch: (batch: TransactionColumnBatch) => void; readonly onDictionary?: (ids: readonly string[]) => void },
): Promise<CommandInput> {
  const rejectedPath = settings.rejectedFile ?? (settings.out !== undefined ? join(settings.out, 'rejected.csv') : undefined);
  let columnsUsed: TransactionMapping = {};
  const rejected = createRejectedSink(rejectedPath, (field) => columnsUsed[field as keyof TransactionMapping] ?? field);
  const progress = createProgress(streams.stderr as NodeJS.WriteStream, 'reading', !settings.quiet);
  try {
    const info = await readInput({
      file: settings.file,
      columns: settings.columns,
      delimiter: settings.delimiter,
      encoding: settings.encoding,
      onProgress: (done, total) => progress.update(done, total),
      onBatch: handlers.onBatch,
      onRejected: (row) => rejected.add(row),
      onMapping: (mapping) => {
        columnsUsed = mapping;
      },
      ...(handlers.onDictionary ? { onDictionary: handlers.onDictionary } : {}),
    });
    return { info, rejected, rejectedPath };
  } finally {
    progress.done();
    rejected.close();
  }
}
