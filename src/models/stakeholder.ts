import * as z from 'zod';
import { RelmarkError } from '../errors/RelmarkError.js';
import { describeValue } from '../internal/describeValue.js';
import { requireArray } from '../internal/guards.js';
import { ContactPointsSchema } from './contactPoints.js';
import { AttributesSchema, CurrencySchema, IdSchema, InstantSchema, MoneySchema, ProbabilitySchema } from './primitives.js';

/**
 * The six markets of relationship marketing (Christopher, Payne & Ballantyne 1991, *Relationship
 * Marketing*): customer, referral, supplier and alliance, influence, recruitment and internal markets.
 * @example
 * ```ts
 * import { SixMarketSchema } from 'relmark/models';
 * SixMarketSchema.options.length;
 * //=> 6
 * ```
 * @category Models
 */
export const SixMarketSchema = z.enum(['customer', 'referral', 'supplier_alliance', 'influence', 'recruitment', 'internal']);
/** @category Models */
export type SixMarket = z.output<typeof SixMarketSchema>;

const base = {
  id: IdSchema,
  name: z.string().min(1),
  ...ContactPointsSchema.shape,
  /** Since when the relationship exists. */
  since: InstantSchema.optional(),
  attributes: AttributesSchema.optional(),
};

/**
 * How an intermediary or agency is paid: a rate of a basis, a flat amount per event, or both.
 * @example
 * ```ts
 * import { CommissionTermsSchema } from 'relmark/models';
 * CommissionTermsSchema.safeParse({ basis: 'revenue', rate: 0.05 }).success;
 * //=> true
 * CommissionTermsSchema.safeParse({ basis: 'revenue' }).success;
 * //=> false
 * ```
 * @category Models
 */
export const CommissionTermsSchema = z
  .object({
    basis: z.enum(['revenue', 'margin', 'per_referral', 'per_sale']),
    rate: ProbabilitySchema.optional(),
    flatAmount: MoneySchema.optional(),
    currency: CurrencySchema.optional(),
  })
  .refine((terms) => terms.rate !== undefined || terms.flatAmount !== undefined, {
    message: 'Commission terms need a rate, a flat amount, or both',
  });
/** @category Models */
export type CommissionTerms = z.output<typeof CommissionTermsSchema>;

const roles = {
  customer: z.object({
    role: z.literal('customer'),
    ...base,
    /** The id of the matching customer record (see CustomerSchema), when it differs from `id`. */
    customerId: IdSchema.optional(),
    segment: z.string().min(1).optional(),
  }),
  supplier: z.object({
    role: z.literal('supplier'),
    ...base,
    categories: z.array(z.string().min(1)).optional(),
    paymentTermsDays: z.number().int().nonnegative().optional(),
    contractEndsAt: InstantSchema.optional(),
  }),
  distributor: z.object({
    role: z.literal('distributor'),
    ...base,
    territories: z.array(z.string().min(1)).min(1),
    marginRate: ProbabilitySchema.optional(),
  }),
  channel_partner: z.object({
    role: z.literal('channel_partner'),
    ...base,
    partnerTier: z.string().min(1).optional(),
    territories: z.array(z.string().min(1)).optional(),
    discountRate: ProbabilitySchema.optional(),
  }),
  agency: z.object({
    role: z.literal('agency'),
    ...base,
    services: z.array(z.string().min(1)).min(1),
    retainer: z.object({ amount: MoneySchema, currency: CurrencySchema, per: z.enum(['month', 'quarter', 'year']) }).optional(),
  }),
  intermediary: z.object({
    role: z.literal('intermediary'),
    ...base,
    commission: CommissionTermsSchema,
    licenceNumber: z.string().min(1).optional(),
  }),
  shareholder: z.object({
    role: z.literal('shareholder'),
    ...base,
    shares: z.number().int().nonnegative(),
    shareClass: z.string().min(1).optional(),
  }),
  investor: z.object({
    role: z.literal('investor'),
    ...base,
    investorType: z.enum(['institutional', 'retail', 'venture', 'angel', 'private_equity', 'other']),
    committedAmount: MoneySchema.optional(),
    currency: CurrencySchema.optional(),
  }),
  analyst: z.object({
    role: z.literal('analyst'),
    ...base,
    firm: z.string().min(1),
    coverage: z.array(z.string().min(1)).optional(),
  }),
  employee: z.object({
    role: z.literal('employee'),
    ...base,
    department: z.string().min(1).optional(),
    jobTitle: z.string().min(1).optional(),
  }),
  candidate: z.object({
    role: z.literal('candidate'),
    ...base,
    appliedFor: z.string().min(1).optional(),
  }),
} as const;

/**
 * The roles a stakeholder can have, each with the market of the six-markets model it belongs to.
 *
 * @remarks
 * Following Christopher, Payne & Ballantyne (1991): intermediaries and agencies refer business
 * (referral market); suppliers, distributors and channel partners are alliances (supplier/alliance
 * market); shareholders, investors and analysts influence (influence market); candidates are the
 * recruitment market and employees the internal market.
 *
 * @example
 * ```ts
 * import { stakeholderMarkets } from 'relmark/models';
 * stakeholderMarkets.analyst;
 * //=> 'influence'
 * ```
 * @category Models
 */
export const stakeholderMarkets = {
  customer: 'customer',
  intermediary: 'referral',
  agency: 'referral',
  supplier: 'supplier_alliance',
  distributor: 'supplier_alliance',
  channel_partner: 'supplier_alliance',
  shareholder: 'influence',
  investor: 'influence',
  analyst: 'influence',
  candidate: 'recruitment',
  employee: 'internal',
} as const satisfies Record<keyof typeof roles, SixMarket>;

/**
 * A stakeholder of the relationship programme, as a discriminated union on `role`: customer,
 * supplier, distributor, channel partner, agency, intermediary, shareholder, investor, analyst,
 * employee or candidate. Each role carries what it needs (an intermediary's commission terms, a
 * shareholder's shares, a distributor's territories).
 *
 * @example
 * ```ts
 * import { StakeholderSchema, stakeholderMarket } from 'relmark/models';
 * const broker = StakeholderSchema.parse({
 *   role: 'intermediary',
 *   id: 'b-1',
 *   name: 'Acme Brokers',
 *   commission: { basis: 'revenue', rate: 0.04 },
 * });
 * stakeholderMarket(broker);
 * //=> 'referral'
 * ```
 * @category Models
 */
export const StakeholderSchema = z.discriminatedUnion('role', [
  roles.customer,
  roles.supplier,
  roles.distributor,
  roles.channel_partner,
  roles.agency,
  roles.intermediary,
  roles.shareholder,
  roles.investor,
  roles.analyst,
  roles.employee,
  roles.candidate,
]);

/** @category Models */
export type Stakeholder = z.output<typeof StakeholderSchema>;
/** @category Models */
export type StakeholderInput = z.input<typeof StakeholderSchema>;
/** @category Models */
export type StakeholderRole = Stakeholder['role'];

/**
 * The roles of {@link StakeholderSchema}.
 * @example
 * ```ts
 * import { stakeholderRoles } from 'relmark/models';
 * stakeholderRoles.includes('investor');
 * //=> true
 * ```
 * @category Models
 */
export const stakeholderRoles = Object.keys(roles) as StakeholderRole[];

/**
 * The market of the six-markets model that a stakeholder belongs to (see {@link stakeholderMarkets}).
 * @example
 * ```ts
 * import { stakeholderMarket } from 'relmark/models';
 * stakeholderMarket({ role: 'supplier' });
 * //=> 'supplier_alliance'
 * ```
 * @throws {@link RelmarkError} `invalid_input` (path `['role']`) when the value has no known role.
 * @category Models
 */
export function stakeholderMarket(stakeholder: { readonly role: StakeholderRole }): SixMarket {
  return marketAt(stakeholder, ['role'], 'stakeholderMarket');
}

function marketAt(stakeholder: unknown, path: readonly (string | number)[], where: string): SixMarket {
  const role: unknown = typeof stakeholder === 'object' && stakeholder !== null ? (stakeholder as { role?: unknown }).role : undefined;
  // An own key only: a role named "toString" must not find Object.prototype.toString.
  if (typeof role === 'string' && Object.hasOwn(stakeholderMarkets, role)) return stakeholderMarkets[role as StakeholderRole];
  throw new RelmarkError('invalid_input', `${where}: unknown stakeholder role`, {
    issues: [{ code: 'invalid_value', path, message: `Expected a stakeholder with a role (one of ${stakeholderRoles.join(', ')}), received ${describeValue(role)}${typeof role === 'string' ? ` "${role}"` : ''}` }],
  });
}

/**
 * Groups stakeholders by their market in the six-markets model, in input order within each market.
 * Every market is present (possibly empty).
 * @example
 * ```ts
 * import { groupByMarket } from 'relmark/models';
 * const groups = groupByMarket([{ role: 'analyst', id: 'a' }, { role: 'customer', id: 'c' }]);
 * groups.influence.map((s) => s.id);
 * //=> ['a']
 * groups.internal;
 * //=> []
 * ```
 * @throws {@link RelmarkError} `invalid_input` when `stakeholders` is not an array or an element
 *   has no known role (path `['stakeholders', i, 'role']`).
 * @category Models
 */
export function groupByMarket<S extends { readonly role: StakeholderRole }>(stakeholders: readonly S[]): Record<SixMarket, S[]> {
  const groups: Record<SixMarket, S[]> = {
    customer: [],
    referral: [],
    supplier_alliance: [],
    influence: [],
    recruitment: [],
    internal: [],
  };
  requireArray('groupByMarket', ['stakeholders'], stakeholders);
  for (let i = 0; i < stakeholders.length; i++) {
    const stakeholder = stakeholders[i] as S;
    groups[marketAt(stakeholder, ['stakeholders', i, 'role'], 'groupByMarket')].push(stakeholder);
  }
  return groups;
}
