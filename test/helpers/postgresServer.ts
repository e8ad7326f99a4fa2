import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A private PostgreSQL server for tests and benchmarks: `initdb` into a temporary folder and
 * `pg_ctl start` listening only on a Unix socket inside that folder (no TCP port, so parallel
 * suites and other sessions cannot collide). Trust authentication for the one superuser
 * `relmark`; fsync off (the data is thrown away). PostgreSQL refuses to run as root, so as root the
 * server runs as the `postgres` system user that Debian's package creates (through `runuser`).
 */
export interface PostgresServer {
  /** The folder that holds the socket (pass as `host` to a client). */
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly database: string;
  /** The server's major version, e.g. `'15'`. */
  readonly version: string;
  /** A client connected to the server's `postgres` database (end it before `stop`). */
  connect(): Promise<pg.Client>;
  /** Stops the server (immediate mode) and removes the folder. Safe to call twice. */
  stop(): void;
}

/** Where PostgreSQL's server programs are: RELMARK_PG_BIN, Debian's newest /usr/lib/postgresql/N/bin, or PATH. */
function findBinDir(): string | undefined {
  const fromEnv = process.env.RELMARK_PG_BIN;
  if (fromEnv !== undefined && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(debian, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir !== '' && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return undefined;
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts a private server, or returns the reason it could not (no PostgreSQL installed, root without
 * a `postgres` user, initdb or start failed), for the caller to skip with.
 *
 * @param settings - Extra server settings (`-c name=value`), e.g. `{ work_mem: '256MB' }`.
 */
export function startPostgres(settings: Readonly<Record<string, string>> = {}): PostgresServer | { readonly skipped: string } {
  const bin = findBinDir();
  if (bin === undefined) return { skipped: 'PostgreSQL is not installed (no initdb; apt-get install postgresql, or set RELMARK_PG_BIN)' };
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? userIds('postgres') : undefined;
  if (asRoot && owner === undefined) return { skipped: 'running as root and there is no postgres user to run the server as' };
  const dir = mkdtempSync(join(tmpdir(), 'relmark-pg-'));
  if (owner !== undefined) chownSync(dir, owner.uid, owner.gid);
  const run = (program: string, args: readonly string[]) => {
    const command = join(bin, program);
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  };
  const data = join(dir, 'data');
  const port = 5432;
  const options = [
    `-k ${dir}`,
    "-c listen_addresses=''",
    `-p ${port}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
  ].join(' ');
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
      } catch {
        // already stopped
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-U', 'relmark', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    run('pg_ctl', ['start', '-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60']);
    started = true;
  } catch (error) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8').slice(-500) : '';
    stop();
    const message = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    return { skipped: `the PostgreSQL server could not be started: ${message} ${log}`.trim() };
  }
  const version = readFileSync(join(data, 'PG_VERSION'), 'utf8').trim();
  const connect = async () => {
    const client = new pg.Client({ host: dir, port, user: 'relmark', database: 'postgres' });
    await client.connect();
    return client;
  };
  return { host: dir, port, user: 'relmark', database: 'postgres', version, connect, stop };
}

/** One transaction row to load: instants as epoch ms; `kind`, `id`, `refundOf` optional. */
export interface TransactionRow {
  readonly customerId: string;
  readonly at: number;
  readonly amount: number;
  readonly kind?: string | undefined;
  readonly id?: string | undefined;
  readonly refundOf?: string | undefined;
}

/** The column names a loaded table uses (each any identifier; quoted). */
export interface TransactionTableColumns {
  readonly customerId: string;
  readonly at: string;
  readonly amount: string;
  readonly kind: string;
  readonly id: string;
  readonly refundOf: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * (Re)creates `table` from rows, the instant as a TIMESTAMP (UTC, millisecond precision) or, with
 * `atType: 'timestamptz'`, a TIMESTAMPTZ. Rows go in as arrays through `unnest`, 20,000 a statement.
 * Reused by every suite that runs generated SQL on the server (histories, RFM, cohorts).
 */
export async function loadTransactionTable(
  client: pg.Client,
  table: string,
  columns: TransactionTableColumns,
  rows: readonly TransactionRow[],
  atType: 'timestamp' | 'timestamptz' = 'timestamp',
): Promise<void> {
  await client.query('DROP TABLE IF EXISTS relmark_staging');
  await client.query('CREATE TABLE relmark_staging (customer TEXT, at_ms BIGINT, amount DOUBLE PRECISION, kind TEXT, id TEXT, refund_of TEXT)');
  const chunk = 20_000;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    await client.query(
      'INSERT INTO relmark_staging SELECT * FROM unnest($1::text[], $2::bigint[], $3::float8[], $4::text[], $5::text[], $6::text[])',
      [part.map((r) => r.customerId), part.map((r) => String(r.at)), part.map((r) => r.amount), part.map((r) => r.kind ?? null), part.map((r) => r.id ?? null), part.map((r) => r.refundOf ?? null)],
    );
  }
  const at = atType === 'timestamp' ? "TIMESTAMP '1970-01-01' + at_ms * INTERVAL '1 millisecond'" : 'to_timestamp(0) + at_ms * INTERVAL \'1 millisecond\'';
  await client.query(`DROP TABLE IF EXISTS ${quote(table)}`);
  await client.query(
    `CREATE TABLE ${quote(table)} AS SELECT customer AS ${quote(columns.customerId)}, ${at} AS ${quote(columns.at)}, amount AS ${quote(columns.amount)},
       kind AS ${quote(columns.kind)}, id AS ${quote(columns.id)}, refund_of AS ${quote(columns.refundOf)} FROM relmark_staging`,
  );
  await client.query('DROP TABLE relmark_staging');
}

/** Runs a query and returns plain rows, with BIGINT (int8) read as a number instead of node-postgres's string. */
export async function queryRows<Row = Record<string, unknown>>(client: pg.Client, sql: string): Promise<Row[]> {
  const result = await client.query({
    text: sql,
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  return result.rows as Row[];
}
