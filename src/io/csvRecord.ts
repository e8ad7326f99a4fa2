/**
 * One data row of a CSV or NDJSON source: its fields by column name and the line of the source on
 * which it starts (1-based, the header being line 1 in a CSV file).
 * @category IO
 */
export interface SourceRecord {
  readonly line: number;
  readonly fields: Readonly<Record<string, unknown>>;
}
