import { describe, expect, it } from 'vitest';
import { cohortTableSql } from 'relmark/sql';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

describe('cohortTableSql', () => {
  it.each([
    ['duckdb', "timezone('America/New_York', to_timestamp(at_ms / 1000.0))", "date_diff('day', DATE '1970-01-01'"],
    ['postgresql', "(to_timestamp(at_ms / 1000.0) AT TIME ZONE 'America/New_York')", "- DATE '1970-01-01')"],
    ['bigquery', "DATETIME(TIMESTAMP_MILLIS(at_ms), 'America/New_York')", 'UNIX_DATE(DATE('],
    ['spark', "from_utc_timestamp(timestamp_millis(at_ms), 'America/New_York')", 'datediff(CAST('],
  ] as const)('writes %s with the local calendar of the time zone', (dialect, local, day) => {
    const week = cohortTableSql({ dialect, table: 't', asOf: '2024-03-31', period: 'week', timeZone: 'America/New_York' });
    expect(week).toContain(local);
    expect(week).toContain(day);
    const month = cohortTableSql({ dialect, table: 't', asOf: '2024-03-31', period: 'month', timeZone: 'America/New_York' });
    // 2024-03-31T00:00Z is still 30 March in New York: March 2024 is month 650 since 1970.
    expect(month).toContain('< 650) AS');
    expect(month).toContain('EXTRACT(MONTH FROM');
    expect(cohortTableSql({ dialect, table: 't', asOf: '2024-03-31', period: 'quarter' })).toContain('/ 3.0)');
  });

  it('pins the DuckDB text of a monthly UTC table', () => {
    expect(cohortTableSql({ dialect: 'duckdb', table: 'orders', asOf: '2024-01-15', period: 'month' })).toMatchInlineSnapshot(`
      "WITH
      source AS (
        SELECT CAST("customerId" AS VARCHAR) AS customer_id,
               ((epoch_ns("at") - ((epoch_ns("at") % 1000000) + 1000000) % 1000000) // 1000000) AS at_ms,
               CAST("amount" AS DOUBLE) AS amount,
               0 AS is_refund
        FROM "orders"
        WHERE "customerId" IS NOT NULL AND "at" IS NOT NULL AND "amount" IS NOT NULL
      ),
      tx AS (
        SELECT * FROM source WHERE at_ms <= 1705276800000
      ),
      local_tx AS (
        SELECT customer_id, amount, is_refund, ((CAST(EXTRACT(YEAR FROM timezone('UTC', to_timestamp(at_ms / 1000.0))) AS BIGINT) - 1970) * 12 + CAST(EXTRACT(MONTH FROM timezone('UTC', to_timestamp(at_ms / 1000.0))) AS BIGINT) - 1) AS p FROM tx
      ),
      firsts AS (
        SELECT customer_id, MIN(p) AS cohort FROM local_tx WHERE is_refund = 0 GROUP BY customer_id
      ),
      sizes AS (
        SELECT cohort, COUNT(*) AS customers FROM firsts GROUP BY cohort
      ),
      cells AS (
        SELECT f.cohort, GREATEST(l.p - f.cohort, 0) AS k,
               COUNT(DISTINCT CASE WHEN l.is_refund = 0 THEN l.customer_id END) AS active,
               SUM(1 - l.is_refund) AS orders,
               SUM(CASE WHEN l.is_refund = 1 THEN -l.amount ELSE l.amount END) AS revenue
        FROM local_tx AS l JOIN firsts AS f ON l.customer_id = f.customer_id
        GROUP BY f.cohort, GREATEST(l.p - f.cohort, 0)
      )
      SELECT c.cohort AS "cohortIndex",
             c.k AS "period",
             s.customers AS "customers",
             c.active AS "activeCustomers",
             c.orders AS "orders",
             c.revenue AS "revenue",
             (c.cohort + c.k < 648) AS "complete"
      FROM cells AS c JOIN sizes AS s ON c.cohort = s.cohort
      ORDER BY c.cohort, c.k"
    `);
  });

  it.each([
    ['a period that is not one of the three', { period: 'day' }, ['period']],
    ['a time zone that does not exist', { period: 'month', timeZone: "Mars/Olympus'; DROP TABLE t; --" }, ['timeZone']],
    ['a missing asOf', { period: 'month', asOf: undefined }, ['asOf']],
  ])('rejects %s with its path', (_, extra, path) => {
    const error = thrownRelmarkError(() => cohortTableSql({ dialect: 'duckdb', table: 't', asOf: '2024-01-01', ...extra } as never));
    expect(error.code).toBe('invalid_options');
    expect(error.issues.map((i) => i.path)).toContainEqual(path);
  });
});
