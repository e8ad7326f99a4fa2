import { RelmarkError } from '../errors/RelmarkError.js';
import { msPerDay, msPerUnit } from '../internal/time.js';
import type { TimeUnit } from '../models/primitives.js';
import type { TransactionColumnBatch } from '../io/transactionColumnReader.js';

/**
 * Per-customer totals kept in one pass over transaction columns, finished once the end of observation
 * is known: the state behind the `relmark` command, where the default as-of date (the day after the
 * last transaction) is only known at the end of the file.
 * @internal
 * @module
 */

/** What {@link createCustomerTotals} adds up. @internal */
export interface CustomerTotalsOptions {
  /** Also count distinct purchase days (needed for BTYD histories; RFM alone does not need them). */
  readonly occasions: boolean;
  /** Rows after this instant (epoch ms) are left out and counted in `future`. @defaultValue none */
  readonly asOf?: number;
  /** How errors name customer `c` (its id). @defaultValue `#c` */
  readonly nameOf?: (customer: number) => string;
}

/** One batch of valid rows, as the column reader gives them (`line` only for error messages). @internal */
export type TotalsBatch = Pick<TransactionColumnBatch, 'length' | 'customer' | 'at' | 'amount' | 'refund' | 'refundedAt'> & { readonly line?: Int32Array };

/** RFM and BTYD summaries as columns, one row per customer with a counted purchase, in customer-index order. @internal */
export interface CustomerTotalsColumns {
  /** The customer index of each row. */
  readonly customer: Int32Array;
  /** Days (or `rfmUnit`s) since the last purchase. */
  readonly recency: Float64Array;
  /** Counted purchases. */
  readonly frequency: Float64Array;
  /** Net revenue (purchases − refunds). */
  readonly monetary: Float64Array;
  readonly orders: Uint32Array;
  readonly firstPurchaseAt: Float64Array;
  readonly lastPurchaseAt: Float64Array;
  /** BTYD histories (only with `occasions`): repeat occasions, and times in `timeUnit`. */
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly monetaryMean: Float64Array;
}

/** @internal */
export interface CustomerTotals {
  add(batch: TotalsBatch): void;
  /** The summaries as of `asOf` (epoch ms, at or after every counted row). Called once: it frees the state. */
  finish(asOf: number, timeUnit: TimeUnit): CustomerTotalsColumns;
  /** Rows left out because they come after `options.asOf`. */
  readonly future: number;
  /** Distinct (customer, day) purchase occasions held. */
  readonly occasionCount: number;
  /** Bytes held by the state. */
  readonly byteLength: number;
}

/** Distinct customer-day pairs: open addressing on two Int32Arrays (customer + 1, day). */
function createPairSet() {
  let capacity = 1 << 16;
  let customers = new Int32Array(capacity);
  let days = new Int32Array(capacity);
  let size = 0;
  const slotOf = (c: number, d: number, mask: number) => (Math.imul(c, 0x9e3779b1) ^ Math.imul(d + 0x7f4a7c15, 0x85ebca77)) & mask;
  const grow = () => {
    const oldCustomers = customers;
    const oldDays = days;
    capacity *= 2;
    const mask = capacity - 1;
    customers = new Int32Array(capacity);
    days = new Int32Array(capacity);
    for (let i = 0; i < oldCustomers.length; i++) {
      const c = oldCustomers[i] as number;
      if (c === 0) continue;
      const d = oldDays[i] as number;
      let s = slotOf(c, d, mask);
      while (customers[s] !== 0) s = (s + 1) & mask;
      customers[s] = c;
      days[s] = d;
    }
  };
  return {
    /** Adds the pair; true when it was new. */
    add(customer: number, day: number): boolean {
      const c = customer + 1;
      const mask = capacity - 1;
      let s = slotOf(c, day, mask);
      for (;;) {
        const k = customers[s] as number;
        if (k === 0) break;
        if (k === c && days[s] === day) return false;
        s = (s + 1) & mask;
      }
      customers[s] = c;
      days[s] = day;
      size++;
      // Up to 70% full: linear probing stays short, and a million customer-days take 16 MB less than at 50%.
      if (size * 10 > capacity * 7) grow();
      return true;
    },
    /** Frees the slots. */
    clear(): void {
      capacity = 1;
      customers = new Int32Array(1);
      days = new Int32Array(1);
      size = 0;
    },
    get size() {
      return size;
    },
    get byteLength() {
      return capacity * 8;
    },
  };
}

/**
 * Distinct (customer, day) purchase occasions. While every customer's rows come in time order (a
 * date-sorted export), a day after the customer's latest is new by itself, and the pairs are only
 * appended to a log in fixed 8 MiB chunks (8 bytes a pair, no rehashing, no doubling). The first
 * row that goes back in time for its customer moves the log into the hash set, which answers from
 * then on: counts are exact in either order, and ordered files never pay for the set.
 */
function createOccasions() {
  const set = createPairSet();
  const chunkPairs = 1 << 20;
  let log: Int32Array[] | undefined = [];
  let logged = 0;
  const toSet = (chunks: Int32Array[]) => {
    for (let k = 0; k < logged; k++) {
      const chunk = chunks[Math.floor(k / chunkPairs)] as Int32Array;
      const at = 2 * (k % chunkPairs);
      set.add(chunk[at] as number, chunk[at + 1] as number);
    }
  };
  return {
    /** Adds the customer's purchase day, `latest` being the latest day already added for them (−∞ for none); true when new. */
    add(customer: number, day: number, latest: number): boolean {
      if (log !== undefined) {
        if (day > latest) {
          const at = logged % chunkPairs;
          if (at === 0) log.push(new Int32Array(2 * chunkPairs));
          const chunk = log[log.length - 1] as Int32Array;
          chunk[2 * at] = customer;
          chunk[2 * at + 1] = day;
          logged++;
          return true;
        }
        const chunks = log;
        log = undefined;
        toSet(chunks);
      }
      return set.add(customer, day);
    },
    clear(): void {
      log = undefined;
      set.clear();
    },
    get size() {
      return log === undefined ? set.size : logged;
    },
    get byteLength() {
      return log === undefined ? set.byteLength : log.length * chunkPairs * 8;
    },
  };
}

// Days must fit an Int32 slot of the pair set: ±2^31 days is far beyond the instants Date allows.
const maxCustomers = 0x7fff_fffe;

/**
 * Totals per customer, kept in typed arrays indexed by customer: first and last purchase, orders,
 * refunds, net revenue (Neumaier-compensated, Neumaier 1974) and, with `occasions`, the first and
 * last purchase day, the number of distinct purchase days and the value of the first day and of
 * the others. Rows may come in any order: an earlier day replaces the first one, and distinct days
 * are counted exactly through a set of (customer, day) pairs. A refund lowers the value of its
 * purchase's day (histories) and revenue by its own date (RFM), as the batch functions do.
 *
 * Memory: 52 bytes per customer (88 with `occasions`), plus, with `occasions`, the distinct purchase
 * days: 8 bytes each while every customer's rows come in time order (a log in 8 MiB chunks), else
 * 8 bytes per slot of a hash set at load ≤ 0.7 (11–23 bytes each). Rows cost nothing once added.
 * @internal
 */
export function createCustomerTotals(options: CustomerTotalsOptions): CustomerTotals {
  const limit = options.asOf ?? Number.POSITIVE_INFINITY;
  const occasions = options.occasions;
  let capacity = 1 << 14;
  let orders = new Uint32Array(capacity);
  let firstAt = new Float64Array(capacity).fill(Number.POSITIVE_INFINITY);
  let lastAt = new Float64Array(capacity).fill(Number.NEGATIVE_INFINITY);
  let revenue = new Float64Array(capacity);
  let compensation = new Float64Array(capacity);
  let firstDay = new Float64Array(occasions ? capacity : 0);
  let lastDay = new Float64Array(occasions ? capacity : 0);
  let days = new Uint32Array(occasions ? capacity : 0);
  let firstValue = new Float64Array(occasions ? capacity : 0);
  let repeatValue = new Float64Array(occasions ? capacity : 0);
  let customers = 0; // 1 + the largest customer index seen
  let future = 0;
  const pairs = createOccasions();

  const grow = (needed: number) => {
    if (needed > maxCustomers) {
      throw new RelmarkError('invalid_input', 'too many distinct customers', {
        issues: [{ code: 'too_many_customers', path: [], message: `More than ${maxCustomers} distinct customers` }],
      });
    }
    let next = capacity;
    while (next < needed) next *= 2;
    const copy = <T extends Float64Array | Uint32Array>(old: T, make: (n: number) => T, fill?: number): T => {
      const a = make(old.length === 0 ? 0 : next);
      if (fill !== undefined && a.length > 0) a.fill(fill, old.length);
      a.set(old);
      return a;
    };
    orders = copy(orders, (n) => new Uint32Array(n));
    firstAt = copy(firstAt, (n) => new Float64Array(n), Number.POSITIVE_INFINITY);
    lastAt = copy(lastAt, (n) => new Float64Array(n), Number.NEGATIVE_INFINITY);
    revenue = copy(revenue, (n) => new Float64Array(n));
    compensation = copy(compensation, (n) => new Float64Array(n));
    firstDay = copy(firstDay, (n) => new Float64Array(n));
    lastDay = copy(lastDay, (n) => new Float64Array(n));
    days = copy(days, (n) => new Uint32Array(n));
    firstValue = copy(firstValue, (n) => new Float64Array(n));
    repeatValue = copy(repeatValue, (n) => new Float64Array(n));
    capacity = next;
  };

  const addRevenue = (c: number, value: number) => {
    const sum = revenue[c] as number;
    const next = sum + value;
    compensation[c] = (compensation[c] as number) + (Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum);
    revenue[c] = next;
  };

  /** A total past ±Number.MAX_VALUE would turn revenue into ±Infinity and mean spend into NaN: a defined error instead. */
  const overflow = (batch: TotalsBatch, i: number, c: number): never => {
    const line = batch.line?.[i];
    const name = options.nameOf ? options.nameOf(c) : `#${c}`;
    throw new RelmarkError('invalid_input', 'amounts add up beyond the largest number', {
      issues: [
        {
          code: 'amount_overflow',
          path: ['rows', line ?? i, 'amount'],
          message: `The amounts of customer "${name}" add up beyond ±${Number.MAX_VALUE.toPrecision(3)}${line === undefined ? '' : ` at line ${line}`}; rescale the amounts (for example to thousands)`,
        },
      ],
      details: { customer: name, ...(line === undefined ? {} : { line }) },
    });
  };

  return {
    add(batch) {
      const { customer, at, amount, refund, refundedAt } = batch;
      for (let i = 0; i < batch.length; i++) {
        const t = at[i] as number;
        if (t > limit) {
          future++;
          continue;
        }
        const c = customer[i] as number;
        if (c >= capacity) grow(c + 1);
        if (c >= customers) customers = c + 1;
        const value = amount[i] as number;
        if (refund[i] === 1) {
          addRevenue(c, -value);
          if (!Number.isFinite(revenue[c] as number)) overflow(batch, i, c);
          if (occasions) {
            const day = Math.floor((refundedAt[i] as number) / msPerDay);
            if (day === firstDay[c]) firstValue[c] = (firstValue[c] as number) - value;
            else repeatValue[c] = (repeatValue[c] as number) - value;
          }
          continue;
        }
        addRevenue(c, value);
        if (!Number.isFinite(revenue[c] as number)) overflow(batch, i, c);
        const n = orders[c] as number;
        orders[c] = n + 1;
        if (t < (firstAt[c] as number)) firstAt[c] = t;
        if (t > (lastAt[c] as number)) lastAt[c] = t;
        if (!occasions) continue;
        const day = Math.floor(t / msPerDay);
        if (n === 0) {
          pairs.add(c, day, Number.NEGATIVE_INFINITY);
          firstDay[c] = day;
          lastDay[c] = day;
          days[c] = 1;
          firstValue[c] = value;
          continue;
        }
        const first = firstDay[c] as number;
        if (day === first) {
          firstValue[c] = (firstValue[c] as number) + value;
          if (!Number.isFinite(firstValue[c] as number)) overflow(batch, i, c);
          continue;
        }
        if (day !== lastDay[c] && pairs.add(c, day, lastDay[c] as number)) days[c] = (days[c] as number) + 1;
        if (day < first) {
          // An earlier first day: the old first day becomes a repeat occasion.
          repeatValue[c] = (repeatValue[c] as number) + (firstValue[c] as number);
          firstValue[c] = value;
          firstDay[c] = day;
        } else {
          repeatValue[c] = (repeatValue[c] as number) + value;
          if (day > (lastDay[c] as number)) lastDay[c] = day;
        }
        if (!Number.isFinite(repeatValue[c] as number)) overflow(batch, i, c);
      }
    },
    finish(asOf, timeUnit) {
      let buyers = 0;
      for (let c = 0; c < customers; c++) if ((orders[c] as number) > 0) buyers++;
      const out = {
        customer: new Int32Array(buyers),
        recency: new Float64Array(buyers),
        frequency: new Float64Array(buyers),
        monetary: new Float64Array(buyers),
        orders: new Uint32Array(buyers),
        firstPurchaseAt: new Float64Array(buyers),
        lastPurchaseAt: new Float64Array(buyers),
        x: new Float64Array(occasions ? buyers : 0),
        tx: new Float64Array(occasions ? buyers : 0),
        T: new Float64Array(occasions ? buyers : 0),
        monetaryMean: new Float64Array(occasions ? buyers : 0),
      };
      const endDay = Math.floor(asOf / msPerDay);
      const daysPerUnit = msPerUnit[timeUnit] / msPerDay;
      let j = 0;
      for (let c = 0; c < customers; c++) {
        const n = orders[c] as number;
        if (n === 0) continue;
        out.customer[j] = c;
        out.recency[j] = (asOf - (lastAt[c] as number)) / msPerDay;
        out.frequency[j] = n;
        out.monetary[j] = (revenue[c] as number) + (compensation[c] as number);
        out.orders[j] = n;
        out.firstPurchaseAt[j] = firstAt[c] as number;
        out.lastPurchaseAt[j] = lastAt[c] as number;
        if (occasions) {
          const x = (days[c] as number) - 1;
          out.x[j] = x;
          out.tx[j] = ((lastDay[c] as number) - (firstDay[c] as number)) / daysPerUnit;
          out.T[j] = (endDay - (firstDay[c] as number)) / daysPerUnit;
          // A fully refunded occasion may leave −1e-15 of rounding: clamp to 0, as summarizeHistories does.
          out.monetaryMean[j] = x === 0 ? 0 : Math.max(0, (repeatValue[c] as number) / x);
        }
        j++;
      }
      // The state is no longer needed: let it go before the caller builds its outputs.
      pairs.clear();
      orders = firstAt = lastAt = revenue = compensation = firstDay = lastDay = days = firstValue = repeatValue = new Float64Array(0) as never;
      capacity = 0;
      customers = 0;
      return out;
    },
    get future() {
      return future;
    },
    get occasionCount() {
      return pairs.size;
    },
    get byteLength() {
      return capacity * (occasions ? 88 : 52) + (occasions ? pairs.byteLength : 0);
    },
  };
}
