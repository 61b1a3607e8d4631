// Connections to the archive's PostgreSQL server (node-postgres) and the few helpers every module shares.
import pg from 'pg';

/** What the archive's modules need of a connection or a pool. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export interface ConnectOptions {
  /** Abandon a statement after this long (server side), in ms; 0: no limit. */
  statementTimeoutMs?: number;
  /** Give up connecting after this long, in ms. */
  connectTimeoutMs?: number;
  applicationName?: string;
  /** Let the server run a query in parallel workers (the indexer's bulk statements); readers do not. */
  parallel?: boolean;
  /** Every transaction read-only (default_transaction_read_only): the editor only reads. */
  readOnly?: boolean;
  /** Asked only when the server wants a password, for each new connection. */
  password?: () => Promise<string>;
  /** Give up waiting for a query's answer after this long, in ms (client side: also covers a server gone silent). */
  queryTimeoutMs?: number;
}

/**
 * Quote search's candidates (`<%`): looser than pg_trgm's default 0.6, since fuse forgives typos that break
 * several trigrams. Set per connection, so the trigram index answers the operator.
 */
export const WORD_SIMILARITY_THRESHOLD = 0.3;

/** A server and database named field by field (the editor's settings), the password asked separately. */
export interface ConnectionFields {
  host: string;
  port: number;
  database: string;
  user: string;
}

function clientConfig(target: string | ConnectionFields, options: ConnectOptions): pg.ClientConfig {
  return {
    // A connection string would override a password function with its own (empty) password.
    ...(typeof target === 'string' ? { connectionString: target } : target),
    // The editor's queries are small: starting parallel workers for them costs more than it saves (measured:
    // 130 ms instead of 50 ms for a quote search's candidates on a loaded 2-core machine).
    options: `-c pg_trgm.word_similarity_threshold=${WORD_SIMILARITY_THRESHOLD}${options.parallel ? '' : ' -c max_parallel_workers_per_gather=0'}${options.readOnly ? ' -c default_transaction_read_only=on' : ''}`,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    statement_timeout: options.statementTimeoutMs || undefined,
    application_name: options.applicationName ?? 'corpus-navigator',
    ...(options.password ? { password: options.password } : {}),
    ...(options.queryTimeoutMs ? { query_timeout: options.queryTimeoutMs } : {}),
  };
}

/** One connection (an indexer's, which needs its own transactions and advisory locks). */
export async function connect(url: string, options: ConnectOptions = {}): Promise<pg.Client> {
  const client = new pg.Client(clientConfig(url, options));
  // A server going away mid-run surfaces as the failure of the query in flight; without a listener the
  // 'error' event would end the process first.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** A pool of connections for readers running queries concurrently. */
export function connectPool(target: string | ConnectionFields, options: ConnectOptions & { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({ ...clientConfig(target, options), max: options.max ?? 8 });
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `work` in one transaction on a dedicated connection: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The database part of a connection URL without the password, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparsable database URL)';
  }
}

/** At most this many parameters in one statement (the protocol's limit is 65,535). */
const MAX_PARAMETERS = 60_000;

/**
 * Runs `statement(values)` over `rows` in as few statements as the parameter limit allows, each row passed as
 * its own parameters: `values` is `($1, $2, …), ($n+1, …)`. Long texts travel as they are, without the
 * escaping an array literal needs.
 */
export async function insertRows<R extends pg.QueryResultRow>(
  db: Queryable,
  rows: readonly unknown[][],
  width: number,
  statement: (values: string) => string,
): Promise<R[]> {
  const result: R[] = [];
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / width));
  for (let from = 0; from < rows.length; from += perStatement) {
    const chunk = rows.slice(from, from + perStatement);
    const tuples = chunk.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`);
    const { rows: returned } = await db.query<R>(statement(tuples.join(', ')), chunk.flat());
    result.push(...returned);
  }
  return result;
}

/**
 * Rows as one array per column, for `INSERT … SELECT * FROM unnest($1::type[], $2::type[], …)`: one statement
 * and one round trip for a whole batch.
 */
export function toColumns(rows: readonly unknown[][], width: number): unknown[][] {
  const columns = Array.from({ length: width }, () => new Array<unknown>(rows.length));
  rows.forEach((row, r) => row.forEach((value, c) => (columns[c][r] = value)));
  return columns;
}
