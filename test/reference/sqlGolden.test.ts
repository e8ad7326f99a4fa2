import { describe, expect, it } from 'vitest';
import { historiesSql, rfmSummarySql } from 'relmark/sql';

// Golden SQL text for the dialects that cannot run here (no PostgreSQL server, BigQuery or Spark in
// this session): any change to the generated SQL shows up as a diff to review. DuckDB's text is
// checked by running it (sqlDuckdb.test.ts).
const columns = { customerId: 'customer_id', at: 'ordered_at', amount: 'total', kind: 'kind', id: 'order_id', refundOf: 'refund_of' };

describe('historiesSql golden text', () => {
  it('PostgreSQL', () => {
    expect(historiesSql({ dialect: 'postgresql', table: ['shop', 'orders'], columns, asOf: '1997-09-30', timeUnit: 'week', period: 'day' })).toMatchInlineSnapshot(`
      "WITH
      source AS (
        SELECT CAST("customer_id" AS TEXT) AS customer_id,
               CAST(FLOOR(EXTRACT(EPOCH FROM "ordered_at") * 1000) AS BIGINT) AS at_ms,
               CAST("total" AS DOUBLE PRECISION) AS amount,
               CASE WHEN CAST("kind" AS TEXT) = 'refund' THEN 1 ELSE 0 END AS is_refund,
               CAST("order_id" AS TEXT) AS id,
               CAST("refund_of" AS TEXT) AS refund_of
        FROM "shop"."orders"
        WHERE "customer_id" IS NOT NULL AND "ordered_at" IS NOT NULL AND "total" IS NOT NULL
      ),
      tx AS (
        SELECT * FROM source WHERE at_ms <= 875577600000
      ),
      purchases AS (
        SELECT customer_id, CAST(FLOOR(CAST(at_ms AS DOUBLE PRECISION) / 86400000) AS BIGINT) AS period_key, amount, id FROM tx WHERE is_refund = 0
      ),
      occasion_values AS (
        SELECT customer_id, period_key, amount AS value FROM purchases
        UNION ALL
        SELECT p.customer_id, p.period_key, -r.amount
        FROM tx AS r JOIN purchases AS p ON r.refund_of = p.id
        WHERE r.is_refund = 1
      ),
      occasions AS (
        SELECT customer_id, period_key, SUM(value) AS value,
               ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY period_key) AS occasion
        FROM occasion_values GROUP BY customer_id, period_key
      )
      SELECT customer_id AS "customerId",
             COUNT(*) - 1 AS "x",
             CAST(MAX(period_key) - MIN(period_key) AS DOUBLE PRECISION) / 7 AS "tx",
             CAST(10134 - MIN(period_key) AS DOUBLE PRECISION) / 7 AS "T",
             CASE WHEN COUNT(*) = 1 THEN 0 ELSE GREATEST(0, SUM(CASE WHEN occasion > 1 THEN value ELSE 0 END) / (COUNT(*) - 1)) END AS "monetaryMean"
      FROM occasions
      GROUP BY customer_id
      ORDER BY customer_id"
    `);
  });

  it('BigQuery', () => {
    expect(historiesSql({ dialect: 'bigquery', table: 'project.dataset.orders', columns, asOf: '1997-09-30' })).toMatchInlineSnapshot(`
      "WITH
      source AS (
        SELECT CAST(\`customer_id\` AS STRING) AS customer_id,
               UNIX_MILLIS(CAST(\`ordered_at\` AS TIMESTAMP)) AS at_ms,
               CAST(\`total\` AS FLOAT64) AS amount,
               CASE WHEN CAST(\`kind\` AS STRING) = 'refund' THEN 1 ELSE 0 END AS is_refund,
               CAST(\`order_id\` AS STRING) AS id,
               CAST(\`refund_of\` AS STRING) AS refund_of
        FROM \`project.dataset.orders\`
        WHERE \`customer_id\` IS NOT NULL AND \`ordered_at\` IS NOT NULL AND \`total\` IS NOT NULL
      ),
      tx AS (
        SELECT * FROM source WHERE at_ms <= 875577600000
      ),
      purchases AS (
        SELECT customer_id, CAST(FLOOR(CAST(at_ms AS FLOAT64) / 86400000) AS INT64) AS period_key, amount, id FROM tx WHERE is_refund = 0
      ),
      occasion_values AS (
        SELECT customer_id, period_key, amount AS value FROM purchases
        UNION ALL
        SELECT p.customer_id, p.period_key, -r.amount
        FROM tx AS r JOIN purchases AS p ON r.refund_of = p.id
        WHERE r.is_refund = 1
      ),
      occasions AS (
        SELECT customer_id, period_key, SUM(value) AS value,
               ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY period_key) AS occasion
        FROM occasion_values GROUP BY customer_id, period_key
      )
      SELECT customer_id AS \`customerId\`,
             COUNT(*) - 1 AS \`x\`,
             CAST(MAX(period_key) - MIN(period_key) AS FLOAT64) / 7 AS \`tx\`,
             CAST(10134 - MIN(period_key) AS FLOAT64) / 7 AS \`T\`,
             CASE WHEN COUNT(*) = 1 THEN 0 ELSE GREATEST(0, SUM(CASE WHEN occasion > 1 THEN value ELSE 0 END) / (COUNT(*) - 1)) END AS \`monetaryMean\`
      FROM occasions
      GROUP BY customer_id
      ORDER BY customer_id"
    `);
  });

  it('Spark SQL', () => {
    expect(historiesSql({ dialect: 'spark', table: ['shop', 'orders'], columns: { customerId: 'customer_id', at: 'ordered_at', amount: 'total' }, asOf: '1997-09-30', period: 'instant', timeUnit: 'day' })).toMatchInlineSnapshot(`
      "WITH
      source AS (
        SELECT CAST(\`customer_id\` AS STRING) AS customer_id,
               unix_millis(CAST(\`ordered_at\` AS TIMESTAMP)) AS at_ms,
               CAST(\`total\` AS DOUBLE) AS amount,
               0 AS is_refund
        FROM \`shop\`.\`orders\`
        WHERE \`customer_id\` IS NOT NULL AND \`ordered_at\` IS NOT NULL AND \`total\` IS NOT NULL
      ),
      tx AS (
        SELECT * FROM source WHERE at_ms <= 875577600000
      ),
      purchases AS (
        SELECT customer_id, at_ms AS period_key, amount FROM tx WHERE is_refund = 0
      ),
      occasion_values AS (
        SELECT customer_id, period_key, amount AS value FROM purchases
      ),
      occasions AS (
        SELECT customer_id, period_key, SUM(value) AS value,
               ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY period_key) AS occasion
        FROM occasion_values GROUP BY customer_id, period_key
      )
      SELECT customer_id AS \`customerId\`,
             COUNT(*) - 1 AS \`x\`,
             CAST(MAX(period_key) - MIN(period_key) AS DOUBLE) / 86400000 AS \`tx\`,
             CAST(875577600000 - MIN(period_key) AS DOUBLE) / 86400000 AS \`T\`,
             CASE WHEN COUNT(*) = 1 THEN 0 ELSE GREATEST(0, SUM(CASE WHEN occasion > 1 THEN value ELSE 0 END) / (COUNT(*) - 1)) END AS \`monetaryMean\`
      FROM occasions
      GROUP BY customer_id
      ORDER BY customer_id"
    `);
  });
});

describe('rfmSummarySql golden text', () => {
  it('PostgreSQL', () => {
    expect(rfmSummarySql({ dialect: 'postgresql', table: 'orders', columns, asOf: '2024-03-31', frequency: 'days', monetary: 'mean' })).toMatchInlineSnapshot(`
      "WITH
      source AS (
        SELECT CAST("customer_id" AS TEXT) AS customer_id,
               CAST(FLOOR(EXTRACT(EPOCH FROM "ordered_at") * 1000) AS BIGINT) AS at_ms,
               CAST("total" AS DOUBLE PRECISION) AS amount,
               CASE WHEN CAST("kind" AS TEXT) = 'refund' THEN 1 ELSE 0 END AS is_refund
        FROM "orders"
        WHERE "customer_id" IS NOT NULL AND "ordered_at" IS NOT NULL AND "total" IS NOT NULL
      ),
      tx AS (
        SELECT * FROM source WHERE at_ms <= 1711843200000
      ),
      customers AS (
        SELECT customer_id,
               MAX(CASE WHEN is_refund = 0 THEN at_ms END) AS last_ms,
               MIN(CASE WHEN is_refund = 0 THEN at_ms END) AS first_ms,
               COUNT(DISTINCT CAST(FLOOR(CAST(CASE WHEN is_refund = 0 THEN at_ms END AS DOUBLE PRECISION) / 86400000) AS BIGINT)) AS frequency,
               SUM(1 - is_refund) AS orders,
               SUM(CASE WHEN is_refund = 1 THEN -amount ELSE amount END) AS revenue
        FROM tx
        GROUP BY customer_id
        HAVING SUM(1 - is_refund) > 0
      )
      SELECT customer_id AS "customerId",
             CAST(1711843200000 - last_ms AS DOUBLE PRECISION) / 86400000 AS "recency",
             frequency AS "frequency",
             revenue / CAST(frequency AS DOUBLE PRECISION) AS "monetary",
             orders AS "orders",
             revenue AS "revenue",
             first_ms AS "firstPurchaseAt",
             last_ms AS "lastPurchaseAt"
      FROM customers
      ORDER BY customer_id"
    `);
  });

  it('BigQuery', () => {
    expect(rfmSummarySql({ dialect: 'bigquery', table: 'project.dataset.orders', columns, asOf: '2024-03-31' })).toMatchInlineSnapshot(`
      "WITH
      source AS (
        SELECT CAST(\`customer_id\` AS STRING) AS customer_id,
               UNIX_MILLIS(CAST(\`ordered_at\` AS TIMESTAMP)) AS at_ms,
               CAST(\`total\` AS FLOAT64) AS amount,
               CASE WHEN CAST(\`kind\` AS STRING) = 'refund' THEN 1 ELSE 0 END AS is_refund
        FROM \`project.dataset.orders\`
        WHERE \`customer_id\` IS NOT NULL AND \`ordered_at\` IS NOT NULL AND \`total\` IS NOT NULL
      ),
      tx AS (
        SELECT * FROM source WHERE at_ms <= 1711843200000
      ),
      customers AS (
        SELECT customer_id,
               MAX(CASE WHEN is_refund = 0 THEN at_ms END) AS last_ms,
               MIN(CASE WHEN is_refund = 0 THEN at_ms END) AS first_ms,
               SUM(1 - is_refund) AS frequency,
               SUM(1 - is_refund) AS orders,
               SUM(CASE WHEN is_refund = 1 THEN -amount ELSE amount END) AS revenue
        FROM tx
        GROUP BY customer_id
        HAVING SUM(1 - is_refund) > 0
      )
      SELECT customer_id AS \`customerId\`,
             CAST(1711843200000 - last_ms AS FLOAT64) / 86400000 AS \`recency\`,
             frequency AS \`frequency\`,
             revenue AS \`monetary\`,
             orders AS \`orders\`,
             revenue AS \`revenue\`,
             first_ms AS \`firstPurchaseAt\`,
             last_ms AS \`lastPurchaseAt\`
      FROM customers
      ORDER BY customer_id"
    `);
  });

  it('Spark SQL', () => {
    expect(rfmSummarySql({ dialect: 'spark', table: 'orders', columns, asOf: '2024-03-31', timeUnit: 'week' })).toMatchInlineSnapshot(`
      "WITH
      source AS (
        SELECT CAST(\`customer_id\` AS STRING) AS customer_id,
               unix_millis(CAST(\`ordered_at\` AS TIMESTAMP)) AS at_ms,
               CAST(\`total\` AS DOUBLE) AS amount,
               CASE WHEN CAST(\`kind\` AS STRING) = 'refund' THEN 1 ELSE 0 END AS is_refund
        FROM \`orders\`
        WHERE \`customer_id\` IS NOT NULL AND \`ordered_at\` IS NOT NULL AND \`total\` IS NOT NULL
      ),
      tx AS (
        SELECT * FROM source WHERE at_ms <= 1711843200000
      ),
      customers AS (
        SELECT customer_id,
               MAX(CASE WHEN is_refund = 0 THEN at_ms END) AS last_ms,
               MIN(CASE WHEN is_refund = 0 THEN at_ms END) AS first_ms,
               SUM(1 - is_refund) AS frequency,
               SUM(1 - is_refund) AS orders,
               SUM(CASE WHEN is_refund = 1 THEN -amount ELSE amount END) AS revenue
        FROM tx
        GROUP BY customer_id
        HAVING SUM(1 - is_refund) > 0
      )
      SELECT customer_id AS \`customerId\`,
             CAST(1711843200000 - last_ms AS DOUBLE) / 604800000 AS \`recency\`,
             frequency AS \`frequency\`,
             revenue AS \`monetary\`,
             orders AS \`orders\`,
             revenue AS \`revenue\`,
             first_ms AS \`firstPurchaseAt\`,
             last_ms AS \`lastPurchaseAt\`
      FROM customers
      ORDER BY customer_id"
    `);
  });
});
