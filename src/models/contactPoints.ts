import * as z from 'zod';

/**
 * A phone number in E.164 form: `+`, country code and subscriber number, 8 to 15 digits in all.
 * @example
 * ```ts
 * import { PhoneSchema } from 'relmark/models';
 * PhoneSchema.safeParse('+33123456789').success;
 * //=> true
 * PhoneSchema.safeParse('01 23 45 67 89').success;
 * //=> false
 * ```
 * @category Models
 */
export const PhoneSchema = z.string().regex(/^\+[1-9]\d{7,14}$/, 'Expected an E.164 phone number such as +33123456789');

/**
 * A postal address. `country` is an ISO 3166-1 alpha-2 code.
 * @example
 * ```ts
 * import { PostalAddressSchema } from 'relmark/models';
 * PostalAddressSchema.safeParse({ lines: ['1 rue de la Paix'], locality: 'Paris', postalCode: '75002', country: 'FR' }).success;
 * //=> true
 * ```
 * @category Models
 */
export const PostalAddressSchema = z.object({
  lines: z.array(z.string().min(1)).min(1).max(5),
  locality: z.string().min(1),
  region: z.string().min(1).optional(),
  postalCode: z.string().min(1).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'Expected an ISO 3166-1 alpha-2 country code such as "FR"'),
});
/** @category Models */
export type PostalAddress = z.output<typeof PostalAddressSchema>;

/**
 * A device token for push notifications, with its platform and whether it still works.
 * @example
 * ```ts
 * import { PushTokenSchema } from 'relmark/models';
 * PushTokenSchema.parse({ platform: 'ios', token: 'abc123' }).platform;
 * //=> 'ios'
 * ```
 * @category Models
 */
export const PushTokenSchema = z.object({
  platform: z.enum(['ios', 'android', 'web']),
  token: z.string().min(1),
});
/** @category Models */
export type PushToken = z.output<typeof PushTokenSchema>;

/**
 * The ways to reach a party; every field is optional.
 * @example
 * ```ts
 * import { ContactPointsSchema } from 'relmark/models';
 * ContactPointsSchema.safeParse({ email: 'ada@example.com', phone: '+441234567890' }).success;
 * //=> true
 * ```
 * @category Models
 */
export const ContactPointsSchema = z.object({
  email: z.email().optional(),
  /** Whether the email address was verified (double opt-in, a confirmed link). */
  emailVerified: z.boolean().optional(),
  phone: PhoneSchema.optional(),
  phoneVerified: z.boolean().optional(),
  postalAddress: PostalAddressSchema.optional(),
  pushTokens: z.array(PushTokenSchema).optional(),
});
/** @category Models */
export type ContactPoints = z.output<typeof ContactPointsSchema>;
