/**
 * `relmark contacts --order-lines <file>`: reads order lines, recommends products per customer
 * (association rules mined from the file), turns them into `cross_sell` contact candidates and lets
 * the contact planner schedule them over the next week. Kept apart from runCommand so that the
 * command's streaming pass is untouched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContactPolicySchema, planContactsUnchecked } from '../contact/index.js';
import { RelmarkError } from '../errors/RelmarkError.js';
import { formatPath } from '../errors/formatIssues.js';
import { parseCsv, toCsv } from '../io/index.js';
import { type BasketLine, CustomerSchema, parseBasketLines } from '../models/index.js';
import { recommendationCandidates, recommendProductsUnchecked } from '../recommend/index.js';
import { formatTable } from './formatTable.js';
import { writeJson, writeText } from './writeOutputs.js';

/** Column names recognised for each order-line field (lower case, without spaces, dashes or underscores). */
const fieldNames: Readonly<Record<string, readonly string[]>> = {
  id: ['lineid', 'orderlineid', 'id'],
  transactionId: ['transactionid', 'orderid', 'basketid', 'transaction', 'order', 'receipt'],
  customerId: ['customerid', 'customer', 'cust', 'clientid', 'memberid'],
  at: ['at', 'date', 'orderdate', 'orderedat', 'timestamp', 'time'],
  sku: ['sku', 'productid', 'product', 'item', 'itemid', 'article'],
  quantity: ['quantity', 'qty', 'units'],
  unitPrice: ['unitprice', 'price'],
  category: ['category', 'productcategory'],
};
const numeric = new Set(['quantity', 'unitPrice']);
const normalise = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '');

/** What the offers step printed and wrote, for `--json`. */
export interface OfferSummary {
  readonly orderLines: { readonly read: number; readonly valid: number; readonly rejected: number; readonly afterAsOf: number };
  readonly candidates: number;
  readonly scheduled: number;
  readonly suppressed: number;
  readonly offers: { customerId: string; at: string; products: string; explanation: string }[];
}

/**
 * Plans cross-sell offers from an order-lines file as of `asOf`. Throws RelmarkError (exit 2) when
 * the file lacks a needed column; rejected lines are reported, never dropped silently.
 */
export function planOrderLineOffers(
  path: string,
  asOf: Date,
  options: { readonly top: number; readonly out: string | undefined; readonly formats: readonly ('csv' | 'json')[]; readonly say: (text?: string) => void },
): { summary: OfferSummary; written: string[] } {
  const { say } = options;
  const parsed = parseCsv(readFileSync(path, 'utf8'));
  const columnOf: Record<string, string> = {};
  for (const column of parsed.header) {
    for (const [field, names] of Object.entries(fieldNames)) {
      if (columnOf[field] === undefined && names.includes(normalise(column))) columnOf[field] = column;
    }
  }
  const missing = ['transactionId', 'customerId', 'at', 'sku'].filter((field) => columnOf[field] === undefined);
  if (missing.length > 0) {
    throw new RelmarkError('invalid_input', `--order-lines ${path}: no column for ${missing.join(', ')}`, {
      issues: missing.map((field) => ({ code: 'missing_column', path: ['order-lines', field], message: `Expected a column for ${field} (one of ${(fieldNames[field] ?? []).join(', ')}); the header is ${parsed.header.join(', ')}` })),
    });
  }
  const rows = parsed.records.map((record) => {
    const row: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(columnOf)) {
      const cell = record.fields[column];
      if (cell === undefined || cell === '') continue;
      row[field] = numeric.has(field) ? Number(cell) : cell;
    }
    return row;
  });
  const batch = parseBasketLines(rows, { lineOf: (i) => parsed.records[i]?.line });
  const rejectedCount = batch.rejected.length + parsed.rejected.length;
  const asOfMs = asOf.getTime();
  const lines: BasketLine[] = batch.valid.filter((line) => line.at.getTime() <= asOfMs);
  const afterAsOf = batch.valid.length - lines.length;

  say();
  say(`Cross-sell offers from ${path}: ${parsed.records.length + parsed.rejected.length} order lines, ${batch.valid.length} valid, ${rejectedCount} rejected${afterAsOf > 0 ? `, ${afterAsOf} after the as-of date left out` : ''}`);
  for (const row of [...parsed.rejected, ...batch.rejected].slice(0, 3)) {
    const issue = row.issues[0];
    say(`  line ${row.line ?? '?'}: ${issue?.message ?? 'rejected'}${issue && issue.path.length > 0 ? ` (${formatPath(issue.path)})` : ''}`);
  }

  const recommendations = recommendProductsUnchecked(lines, { asOf, k: 3 });
  const candidates = recommendationCandidates(recommendations, { earliest: asOf });
  // The planner's rules apply unchanged; this run has no contact history or consents, so it caps
  // offers at one per customer per week and schedules them over the next 7 days. Cross-sells need
  // marketing consent by default; a transaction export carries none, so this plan does not require
  // it and says so: consent must be checked before sending.
  const policy = ContactPolicySchema.parse({
    fallbackTimeZone: 'UTC',
    consentRequiredFor: [],
    caps: [{ id: 'one-offer-a-week', scope: { kind: 'all' }, max: 1, window: { kind: 'rolling', length: '7d' } }],
  });
  const customers = [...new Set(candidates.map((c) => c.customerId))].map((id) => CustomerSchema.parse({ id }));
  const plan = planContactsUnchecked({ customers, history: [], candidates, policy, asOf, horizon: 7 * 86_400_000 });
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const offers = plan.scheduled
    .map((s) => ({ scheduled: s, candidate: byId.get(s.candidateId) }))
    .sort((a, b) => (b.candidate?.expectedValue ?? 0) - (a.candidate?.expectedValue ?? 0) || (a.scheduled.customerId < b.scheduled.customerId ? -1 : a.scheduled.customerId > b.scheduled.customerId ? 1 : 0))
    .map(({ scheduled, candidate }) => ({
      customerId: scheduled.customerId,
      at: scheduled.at.toISOString(),
      channel: scheduled.channel,
      products: (candidate?.tags ?? []).filter((t) => t.startsWith('sku:')).map((t) => t.slice(4)).join(' '),
      explanation: candidate?.explanation ?? '',
    }));
  say(`${candidates.length} customers have an offer backed by a rule; the planner scheduled ${plan.scheduled.length} this week (${plan.suppressed.length} suppressed)`);
  say('  No consent data is read here: check each customer’s marketing consent before sending (planContacts does, given consents).');
  const shown = offers.slice(0, options.top);
  if (shown.length > 0) {
    say(formatTable(['customer', 'send at', 'offer', 'why'], shown.map((o) => [o.customerId, o.at.slice(0, 16).replace('T', ' '), o.products, o.explanation.split(' · ')[0] ?? '']), [false, false, false, false]));
  }
  const written: string[] = [];
  if (options.out !== undefined) {
    if (options.formats.includes('csv')) {
      const file = join(options.out, 'offers.csv');
      writeText(file, toCsv(offers));
      written.push(file);
    }
    if (options.formats.includes('json')) {
      const file = join(options.out, 'offers.json');
      writeJson(file, offers);
      written.push(file);
    }
  }
  return {
    summary: {
      orderLines: { read: parsed.records.length + parsed.rejected.length, valid: batch.valid.length, rejected: rejectedCount, afterAsOf },
      candidates: candidates.length,
      scheduled: plan.scheduled.length,
      suppressed: plan.suppressed.length,
      offers: offers.slice(0, options.top),
    },
    written,
  };
}
