/**
 * The `relmark` command: `relmark report|rfm|clv|contacts <file> [options]`. The only code of
 * relmark that touches the process, the file system and the terminal; the analysis is the library's.
 * Exit codes: 0 ok, 1 usage error, 2 invalid input, 3 a model did not converge.
 */
import { readFileSync } from 'node:fs';
import { isRelmarkError } from '../errors/RelmarkError.js';
import { helpTexts, parseCommandLine, type Request } from './commandLine.js';
import { runCommand } from './runCommand.js';
import { exitCodes, UsageError } from './usageError.js';

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Runs the command line and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let request: Request;
  try {
    request = parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`relmark: ${error.message}\n\n${helpTexts[(['report', 'rfm', 'clv', 'contacts'] as const).find((c) => c === argv[0]) ?? 'main'].split('\n\n')[0]}\nRun relmark ${argv[0] !== undefined && ['report', 'rfm', 'clv', 'contacts'].includes(argv[0]) ? `${argv[0]} ` : ''}--help for the options.\n`);
      return exitCodes.usage;
    }
    throw error;
  }
  if (request.kind === 'help') {
    if (request.usage === true) {
      process.stderr.write(`${request.text}\n`);
      return exitCodes.usage;
    }
    process.stdout.write(`${request.text}\n`);
    return exitCodes.ok;
  }
  if (request.kind === 'version') {
    process.stdout.write(`${version()}\n`);
    return exitCodes.ok;
  }
  try {
    await runCommand(request.settings, { stdout: process.stdout, stderr: process.stderr });
    return exitCodes.ok;
  } catch (error) {
    // A usage error found only with the data (--holdout-from after the default --as-of).
    if (error instanceof UsageError) {
      process.stderr.write(`relmark: ${error.message}\n`);
      return exitCodes.usage;
    }
    if (isRelmarkError(error)) {
      process.stderr.write(`relmark: ${error.message}\n`);
      if (error.code === 'not_converged') {
        const d = error.details ?? {};
        const why = typeof d.reason === 'string' ? ` (reason: ${d.reason}, ${String(d.evaluations ?? '?')} evaluations)` : '';
        process.stderr.write(`The model did not converge${why}: the data may not hold enough repeat purchases for it. Try more customers, a longer history or another --time-unit.\n`);
        return exitCodes.notConverged;
      }
      if (error.code === 'degenerate_data') {
        // Data that cannot identify the model (nobody bought twice, everyone alike): a model failure, exit 3.
        // The fitter's message above already carries its hint.
        process.stderr.write(`The model cannot be fitted: the data cannot identify it. Try more customers, a longer history, another --model, or the library's penalizer option.\n`);
        return exitCodes.notConverged;
      }
      return exitCodes.invalidInput;
    }
    const failure = error as NodeJS.ErrnoException;
    if (typeof failure.code === 'string' && typeof failure.syscall === 'string') {
      // A file that cannot be read or written: one line, no stack trace.
      const reading = failure.path === undefined || failure.path === request.settings.file;
      process.stderr.write(`relmark: cannot ${reading ? 'read' : 'write'} ${failure.path ?? request.settings.file}: ${failure.code} (${failure.message.replace(/^[A-Z]+: /, '')})\n`);
      return exitCodes.invalidInput;
    }
    throw error;
  }
}

// A reader that stops early (`relmark report x.csv | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(exitCodes.ok);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
