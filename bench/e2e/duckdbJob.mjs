// The DuckDB side of the end-to-end benchmark: the same job as `relmark rfm` (or `report`'s
// summaries) on the same CSV, single-threaded, written to CSV. Plain JS so that node runs it with
// no transpiler in the measured process.
//   node bench/e2e/duckdbJob.mjs rfm|report <file.csv> <asOf YYYY-MM-DD> <out.csv>
import process from 'node:process';
import { DuckDBInstance } from '@duckdb/node-api';

const [job, file, asOf, out] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const db = await instance.connect();
const source = `read_csv('${file}', header = true, columns = {'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DOUBLE'})`;
const rfm = `
  WITH c AS (
    SELECT customer_id, max(date) AS last, count(*) AS frequency, sum(amount) AS monetary
    FROM ${source} WHERE date <= DATE '${asOf}' GROUP BY customer_id)
  SELECT customer_id, date_diff('day', last, DATE '${asOf}') AS recency, frequency, monetary,
    ntile(5) OVER (ORDER BY last) AS r, ntile(5) OVER (ORDER BY frequency) AS f, ntile(5) OVER (ORDER BY monetary) AS m
  FROM c`;
// The report's summaries besides RFM: BTYD histories on distinct purchase days (x, tx, T in weeks, mean repeat spend).
const report = `
  WITH d AS (
    SELECT customer_id, date, sum(amount) AS value, count(*) AS orders
    FROM ${source} WHERE date <= DATE '${asOf}' GROUP BY customer_id, date),
  h AS (
    SELECT customer_id, min(date) AS first, max(date) AS last, count(*) - 1 AS x, sum(orders) AS frequency, sum(value) AS monetary,
      (sum(value) - arg_min(value, date)) / nullif(count(*) - 1, 0) AS monetary_mean
    FROM d GROUP BY customer_id)
  SELECT customer_id, date_diff('day', last, DATE '${asOf}') AS recency, frequency, monetary,
    ntile(5) OVER (ORDER BY last) AS r, ntile(5) OVER (ORDER BY frequency) AS f, ntile(5) OVER (ORDER BY monetary) AS m,
    x, date_diff('day', first, last) / 7 AS tx, date_diff('day', first, DATE '${asOf}') / 7 AS T, coalesce(monetary_mean, 0) AS monetary_mean
  FROM h`;
await db.run(`COPY (${job === 'report' ? report : rfm} ORDER BY customer_id) TO '${out}' (HEADER)`);
