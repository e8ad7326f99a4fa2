import fc from 'fast-check';
import { knownChannels, type Channel } from '../models/channel.js';
import type { ChannelConsentInput } from '../models/consent.js';
import type { CustomerInput } from '../models/customer.js';
import type { InteractionInput } from '../models/interaction.js';
import type { PointsEntryInput } from '../models/reward.js';
import type { StakeholderInput } from '../models/stakeholder.js';
import type { TransactionInput } from '../models/transaction.js';

/** Constraints shared by the arbitraries that generate instants. @category Arbitraries */
export interface InstantConstraints {
  /** Earliest instant generated. @defaultValue 2000-01-01T00:00:00Z */
  readonly min?: Date;
  /** Latest instant generated. @defaultValue 2030-12-31T23:59:59.999Z */
  readonly max?: Date;
}

const defaultMin = new Date('2000-01-01T00:00:00.000Z');
const defaultMax = new Date('2030-12-31T23:59:59.999Z');

/**
 * Ids as relmark accepts them: short strings (including unicode and awkward characters) or integers.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { idArbitrary } from 'relmark/testing';
 * fc.sample(idArbitrary(), { numRuns: 3, seed: 1 }).length;
 * //=> 3
 * ```
 * @category Arbitraries
 */
export function idArbitrary(): fc.Arbitrary<string | number> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme-ascii' }) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 10_000_000 }) },
  );
}

/**
 * Valid instants, as `Date` objects, ISO-8601 strings or epoch milliseconds, within a range.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { instantArbitrary } from 'relmark/testing';
 * import { InstantSchema } from 'relmark/models';
 * fc.sample(instantArbitrary(), { numRuns: 20, seed: 7 }).every((v) => InstantSchema.safeParse(v).success);
 * //=> true
 * ```
 * @category Arbitraries
 */
export function instantArbitrary(constraints: InstantConstraints = {}): fc.Arbitrary<Date | string | number> {
  const date = fc.date({ min: constraints.min ?? defaultMin, max: constraints.max ?? defaultMax, noInvalidDate: true });
  return fc.oneof(
    date,
    date.map((d) => d.toISOString()),
    date.map((d) => d.getTime()),
    date.map((d) => d.toISOString().slice(0, 10)),
  );
}

/**
 * Channels: mostly the known ones, sometimes another lower-case identifier.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { channelArbitrary } from 'relmark/testing';
 * fc.sample(channelArbitrary(), { numRuns: 10, seed: 3 }).every((c) => /^[a-z][a-z0-9_]*$/.test(c));
 * //=> true
 * ```
 * @category Arbitraries
 */
export function channelArbitrary(): fc.Arbitrary<Channel> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...knownChannels) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/) },
  );
}

const purpose = fc.constantFrom('marketing', 'transactional', 'service', 'feedback') as fc.Arbitrary<
  'marketing' | 'transactional' | 'service' | 'feedback'
>;
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
const name = fc.string({ minLength: 1, maxLength: 20 });
const email = fc.tuple(word, word, fc.constantFrom('com', 'org', 'fr', 'io')).map(([user, domain, tld]) => `${user}@${domain}.${tld}`);
const phone = fc.integer({ min: 10_000_000, max: 999_999_999_999 }).map((n) => `+${n}`);
const timeZone = fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'Pacific/Chatham');
const currency = fc.constantFrom('EUR', 'USD', 'GBP', 'JPY', 'INR');
const rate = fc.double({ min: 0, max: 1, noNaN: true });
const money = fc.double({ min: 0, max: 1e6, noNaN: true });

/**
 * Consent events on a channel for a purpose.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { channelConsentArbitrary } from 'relmark/testing';
 * import { ChannelConsentSchema } from 'relmark/models';
 * fc.sample(channelConsentArbitrary(), { numRuns: 10, seed: 2 }).every((c) => ChannelConsentSchema.safeParse(c).success);
 * //=> true
 * ```
 * @category Arbitraries
 */
export function channelConsentArbitrary(constraints: InstantConstraints = {}): fc.Arbitrary<ChannelConsentInput> {
  return fc.record(
    { channel: channelArbitrary(), purpose, status: fc.constantFrom('granted', 'withdrawn'), at: instantArbitrary(constraints), source: word },
    { requiredKeys: ['channel', 'purpose', 'status', 'at'] },
  );
}

/**
 * Customers with any subset of the optional fields.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { customerArbitrary } from 'relmark/testing';
 * import { CustomerSchema } from 'relmark/models';
 * fc.sample(customerArbitrary(), { numRuns: 20, seed: 5 }).every((c) => CustomerSchema.safeParse(c).success);
 * //=> true
 * ```
 * @category Arbitraries
 */
export function customerArbitrary(constraints: InstantConstraints = {}): fc.Arbitrary<CustomerInput> {
  return fc.record(
    {
      id: idArbitrary(),
      givenName: name,
      familyName: name,
      displayName: name,
      email,
      emailVerified: fc.boolean(),
      phone,
      phoneVerified: fc.boolean(),
      postalAddress: fc.record({ lines: fc.array(name, { minLength: 1, maxLength: 3 }), locality: name, postalCode: word, country: fc.constantFrom('FR', 'US', 'GB', 'DE') }),
      pushTokens: fc.array(fc.record({ platform: fc.constantFrom('ios', 'android', 'web'), token: word }), { maxLength: 2 }),
      timeZone,
      birthday: fc.date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2015-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      createdAt: instantArbitrary(constraints),
      consents: fc.array(channelConsentArbitrary(constraints), { maxLength: 4 }),
      statedPreferences: fc.uniqueArray(channelArbitrary(), { maxLength: 3 }),
      attributes: fc.dictionary(word, fc.oneof(word, fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 3 }),
    },
    { requiredKeys: ['id'] },
  );
}

const stakeholderBase = { id: idArbitrary(), name, email };
const territories = fc.array(word, { minLength: 1, maxLength: 3 });

/**
 * Stakeholders of every role, each with the fields its role requires.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { stakeholderArbitrary } from 'relmark/testing';
 * import { StakeholderSchema } from 'relmark/models';
 * fc.sample(stakeholderArbitrary(), { numRuns: 30, seed: 11 }).every((s) => StakeholderSchema.safeParse(s).success);
 * //=> true
 * ```
 * @category Arbitraries
 */
export function stakeholderArbitrary(): fc.Arbitrary<StakeholderInput> {
  const opt = { requiredKeys: ['role', 'id', 'name'] as ('role' | 'id' | 'name')[] };
  const role = <R extends string>(r: R) => fc.constant(r);
  return fc.oneof(
    fc.record({ role: role('customer'), ...stakeholderBase, segment: word }, opt),
    fc.record({ role: role('supplier'), ...stakeholderBase, categories: fc.array(word), paymentTermsDays: fc.integer({ min: 0, max: 120 }) }, opt),
    fc.record({ role: role('distributor'), ...stakeholderBase, territories, marginRate: rate }, { requiredKeys: ['role', 'id', 'name', 'territories'] }),
    fc.record({ role: role('channel_partner'), ...stakeholderBase, partnerTier: word, discountRate: rate }, opt),
    fc.record(
      { role: role('agency'), ...stakeholderBase, services: fc.array(word, { minLength: 1, maxLength: 3 }), retainer: fc.record({ amount: money, currency, per: fc.constantFrom('month', 'quarter', 'year') }) },
      { requiredKeys: ['role', 'id', 'name', 'services'] },
    ),
    fc.record(
      {
        role: role('intermediary'),
        ...stakeholderBase,
        commission: fc.oneof(
          fc.record({ basis: fc.constantFrom('revenue', 'margin'), rate }),
          fc.record({ basis: fc.constantFrom('per_referral', 'per_sale'), flatAmount: money, currency }),
        ),
      },
      { requiredKeys: ['role', 'id', 'name', 'commission'] },
    ),
    fc.record({ role: role('shareholder'), ...stakeholderBase, shares: fc.integer({ min: 0, max: 1e9 }), shareClass: word }, { requiredKeys: ['role', 'id', 'name', 'shares'] }),
    fc.record(
      { role: role('investor'), ...stakeholderBase, investorType: fc.constantFrom('institutional', 'retail', 'venture', 'angel', 'private_equity', 'other'), committedAmount: money, currency },
      { requiredKeys: ['role', 'id', 'name', 'investorType'] },
    ),
    fc.record({ role: role('analyst'), ...stakeholderBase, firm: name, coverage: fc.array(word) }, { requiredKeys: ['role', 'id', 'name', 'firm'] }),
    fc.record({ role: role('employee'), ...stakeholderBase, department: word, jobTitle: name }, opt),
    fc.record({ role: role('candidate'), ...stakeholderBase, appliedFor: name }, opt),
  ) as fc.Arbitrary<StakeholderInput>;
}

/** Constraints of {@link transactionArbitrary}. @category Arbitraries */
export interface TransactionConstraints extends InstantConstraints {
  /** Customer ids to draw from; any id when absent. */
  readonly customerIds?: readonly string[];
  /** Largest amount. @defaultValue 10000 */
  readonly maxAmount?: number;
}

/**
 * Purchases (a `refund` needs its purchase in the same batch: see {@link transactionBatchArbitrary}).
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { transactionArbitrary } from 'relmark/testing';
 * import { TransactionSchema } from 'relmark/models';
 * fc.sample(transactionArbitrary({ customerIds: ['a', 'b'] }), { numRuns: 20, seed: 4 }).every((t) => TransactionSchema.safeParse(t).success);
 * //=> true
 * ```
 * @category Arbitraries
 */
export function transactionArbitrary(constraints: TransactionConstraints = {}): fc.Arbitrary<TransactionInput> {
  const customerId = constraints.customerIds && constraints.customerIds.length > 0 ? fc.constantFrom(...constraints.customerIds) : idArbitrary();
  return fc.record(
    {
      id: idArbitrary(),
      customerId,
      at: instantArbitrary(constraints),
      amount: fc.double({ min: 0, max: constraints.maxAmount ?? 10_000, noNaN: true }),
      currency,
      kind: fc.constant('purchase' as const),
      lines: fc.array(fc.record({ sku: word, quantity: fc.integer({ min: 1, max: 5 }), unitPrice: fc.double({ min: 0, max: 500, noNaN: true }) }), { maxLength: 3 }),
    },
    { requiredKeys: ['customerId', 'at', 'amount'] },
  );
}

/**
 * A batch of transactions that passes every cross-row check of `parseTransactions`: unique ids,
 * and refunds that follow their purchase, belong to the same customer and currency, and never
 * exceed it in total.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { transactionBatchArbitrary } from 'relmark/testing';
 * import { parseTransactions } from 'relmark/models';
 * fc.sample(transactionBatchArbitrary(), { numRuns: 10, seed: 9 }).every((rows) => parseTransactions(rows).rejected.length === 0);
 * //=> true
 * ```
 * @category Arbitraries
 */
export function transactionBatchArbitrary(constraints: TransactionConstraints & { readonly maxLength?: number } = {}): fc.Arbitrary<TransactionInput[]> {
  const customerIds = constraints.customerIds ?? ['c1', 'c2', 'c3', 'c4'];
  const min = (constraints.min ?? defaultMin).getTime();
  const max = (constraints.max ?? defaultMax).getTime();
  const purchase = fc.record({
    customerId: fc.constantFrom(...customerIds),
    at: fc.integer({ min, max }),
    amount: fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100),
    refunds: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 30 * 86_400_000 })), { maxLength: 2 }),
  });
  return fc.array(purchase, { maxLength: constraints.maxLength ?? 20 }).map((purchases) => {
    const rows: TransactionInput[] = [];
    purchases.forEach((p, i) => {
      const id = `p${i}`;
      rows.push({ id, customerId: p.customerId, at: p.at, amount: p.amount, kind: 'purchase' });
      let left = p.amount;
      p.refunds.forEach(([share, delay], j) => {
        const amount = Math.floor(left * share * 100) / 100;
        left -= amount;
        rows.push({ id: `${id}-r${j}`, customerId: p.customerId, at: Math.min(max, p.at + delay), amount, kind: 'refund', refundOf: id });
      });
    });
    return rows;
  });
}

const outcome = fc.constantFrom('sent', 'delivered', 'opened', 'clicked', 'responded', 'converted', 'bounced', 'complained', 'unsubscribed');

/**
 * Interactions on any channel, with an optional NPS or CSAT score.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { interactionArbitrary } from 'relmark/testing';
 * import { InteractionSchema } from 'relmark/models';
 * fc.sample(interactionArbitrary(), { numRuns: 20, seed: 6 }).every((i) => InteractionSchema.safeParse(i).success);
 * //=> true
 * ```
 * @category Arbitraries
 */
export function interactionArbitrary(constraints: TransactionConstraints = {}): fc.Arbitrary<InteractionInput> {
  const customerId = constraints.customerIds && constraints.customerIds.length > 0 ? fc.constantFrom(...constraints.customerIds) : idArbitrary();
  return fc.record(
    {
      id: idArbitrary(),
      customerId,
      channel: channelArbitrary(),
      direction: fc.constantFrom('inbound', 'outbound'),
      purpose,
      outcome,
      at: instantArbitrary(constraints),
      campaignId: idArbitrary(),
      feedback: fc.oneof(
        fc.record({ kind: fc.constant('nps' as const), score: fc.integer({ min: 0, max: 10 }) }),
        fc.record({ kind: fc.constant('csat' as const), score: fc.integer({ min: 1, max: 5 }) }),
      ),
    },
    { requiredKeys: ['id', 'customerId', 'channel', 'direction', 'purpose', 'outcome', 'at'] },
  ) as fc.Arbitrary<InteractionInput>;
}

/**
 * Loyalty ledger entries of every type.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { pointsEntryArbitrary } from 'relmark/testing';
 * import { PointsEntrySchema } from 'relmark/models';
 * fc.sample(pointsEntryArbitrary(), { numRuns: 20, seed: 8 }).every((e) => PointsEntrySchema.safeParse(e).success);
 * //=> true
 * ```
 * @category Arbitraries
 */
export function pointsEntryArbitrary(constraints: TransactionConstraints = {}): fc.Arbitrary<PointsEntryInput> {
  const customerId = constraints.customerIds && constraints.customerIds.length > 0 ? fc.constantFrom(...constraints.customerIds) : idArbitrary();
  const base = { id: idArbitrary(), customerId, at: instantArbitrary(constraints), idempotencyKey: word, orderId: idArbitrary() };
  const required = ['type', 'id', 'customerId', 'at'] as const;
  const points = fc.integer({ min: 1, max: 100_000 });
  return fc.oneof(
    fc.record({ type: fc.constant('earn' as const), ...base, points, availableAt: instantArbitrary(constraints), expiresAt: instantArbitrary(constraints) }, { requiredKeys: [...required, 'points'] }),
    fc.record({ type: fc.constant('redeem' as const), ...base, points }, { requiredKeys: [...required, 'points'] }),
    fc.record({ type: fc.constant('expire' as const), ...base, points, lotId: idArbitrary() }, { requiredKeys: [...required, 'points'] }),
    fc.record(
      { type: fc.constant('adjust' as const), ...base, points: fc.integer({ min: -100_000, max: 100_000 }).filter((p) => p !== 0), reason: name },
      { requiredKeys: [...required, 'points', 'reason'] },
    ),
    fc.record({ type: fc.constant('reverse' as const), ...base, reverses: idArbitrary(), points }, { requiredKeys: [...required, 'reverses'] }),
  ) as fc.Arbitrary<PointsEntryInput>;
}
