import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  channelConsentArbitrary,
  customerArbitrary,
  interactionArbitrary,
  pointsEntryArbitrary,
  stakeholderArbitrary,
  transactionArbitrary,
} from '../testing/arbitraries.js';
import { tierProgramArbitrary } from '../testing/rewards.js';
import { ChannelConsentSchema } from './consent.js';
import { CustomerSchema } from './customer.js';
import { InteractionSchema } from './interaction.js';
import { PointsEntrySchema, TierProgramSchema } from './reward.js';
import { StakeholderSchema } from './stakeholder.js';
import { TransactionSchema } from './transaction.js';

const cases: [string, z.ZodType, () => fc.Arbitrary<unknown>][] = [
  ['CustomerSchema', CustomerSchema, () => customerArbitrary()],
  ['StakeholderSchema', StakeholderSchema, () => stakeholderArbitrary()],
  ['TransactionSchema', TransactionSchema, () => transactionArbitrary()],
  ['InteractionSchema', InteractionSchema, () => interactionArbitrary()],
  ['ChannelConsentSchema', ChannelConsentSchema, () => channelConsentArbitrary()],
  ['PointsEntrySchema', PointsEntrySchema, () => pointsEntryArbitrary()],
  ['TierProgramSchema', TierProgramSchema, () => tierProgramArbitrary()],
];

describe.each(cases)('%s with its arbitrary', (_name, schema, arbitrary) => {
  it('every generated value passes the schema', () => {
    fc.assert(
      fc.property(arbitrary(), (value) => {
        expect(schema.safeParse(value).error?.issues ?? []).toEqual([]);
      }),
    );
  });

  it('parse ∘ JSON round trip ∘ parse is the identity on parsed values', () => {
    fc.assert(
      fc.property(arbitrary(), (value) => {
        const parsed = schema.parse(value);
        expect(schema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
      }),
    );
  });

  it('parsing never mutates its input', () => {
    fc.assert(
      fc.property(arbitrary(), (value) => {
        const before = structuredClone(value);
        schema.parse(value);
        expect(value).toEqual(before);
      }),
    );
  });

  it('the same seed gives the same values', () => {
    const a = fc.sample(arbitrary(), { numRuns: 5, seed: 20240601 });
    const b = fc.sample(arbitrary(), { numRuns: 5, seed: 20240601 });
    expect(b).toEqual(a);
  });
});
