import * as z from 'zod';
import { CurrencySchema, IdSchema, InstantSchema, MoneySchema } from './primitives.js';

/**
 * One line of an order: a product, a quantity and a unit price.
 * @example
 * ```ts
 * import { OrderLineSchema } from 'relmark/models';
 * OrderLineSchema.safeParse({ sku: 'CD-42', quantity: 2, unitPrice: 9.5 }).success;
 * //=> true
 * ```
 * @category Models
 */
export const OrderLineSchema = z.object({
  sku: z.string().min(1),
  quantity: z.number().positive(),
  unitPrice: MoneySchema,
  description: z.string().optional(),
});
/** @category Models */
export type OrderLine = z.output<typeof OrderLineSchema>;

/**
 * The kind of a transaction: a `purchase`, or a `refund` of an earlier purchase.
 * @example
 * ```ts
 * import { TransactionKindSchema } from 'relmark/models';
 * TransactionKindSchema.options;
 * //=> ['purchase', 'refund']
 * ```
 * @category Models
 */
export const TransactionKindSchema = z.enum(['purchase', 'refund']);
/** @category Models */
export type TransactionKind = z.output<typeof TransactionKindSchema>;

/**
 * A purchase or a refund by a customer, at an instant, for a non-negative amount.
 *
 * @remarks
 * `amount` is always non-negative; `kind` says whether it adds (`purchase`, the default) or returns
 * (`refund`) money. A refund must name the purchase it returns in `refundOf`; a purchase must not.
 * `id` is optional, because raw purchase logs (CDNOW) have none, but a purchase that can be refunded
 * needs one. `currency` is an ISO 4217 code; leave it out when all amounts share one currency.
 * Cross-row rules (unique ids, a refund not exceeding its purchase, nor preceding it) are checked by
 * {@link parseTransactions}. Add fields with `TransactionSchema.safeExtend({ … })` (the schema has
 * a refinement, so zod's plain `.extend` refuses it).
 *
 * @example
 * ```ts
 * import { TransactionSchema } from 'relmark/models';
 * const t = TransactionSchema.parse({ customerId: 7, at: '1997-01-01', amount: 29.33 });
 * [t.customerId, t.kind, t.at.toISOString()];
 * //=> ['7', 'purchase', '1997-01-01T00:00:00.000Z']
 * TransactionSchema.safeParse({ customerId: 7, at: '1997-01-02', amount: 5, kind: 'refund' }).success;
 * //=> false
 * ```
 * @category Models
 */
export const TransactionSchema = z
  .object({
    id: IdSchema.optional(),
    customerId: IdSchema,
    at: InstantSchema,
    amount: MoneySchema,
    currency: CurrencySchema.optional(),
    kind: TransactionKindSchema.default('purchase'),
    /** For a refund: the id of the purchase it returns. */
    refundOf: IdSchema.optional(),
    lines: z.array(OrderLineSchema).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.kind === 'refund' && t.refundOf === undefined) {
      ctx.addIssue({ code: 'custom', path: ['refundOf'], message: 'A refund must name the purchase it returns (refundOf)' });
    }
    if (t.kind === 'purchase' && t.refundOf !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['refundOf'], message: 'Only a refund may name a purchase in refundOf' });
    }
  });

/** A transaction as produced by {@link TransactionSchema}. @category Models */
export type Transaction = z.output<typeof TransactionSchema>;
/** What {@link TransactionSchema} accepts. @category Models */
export type TransactionInput = z.input<typeof TransactionSchema>;
