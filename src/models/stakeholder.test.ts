import { describe, expect, it } from 'vitest';
import { groupByMarket, StakeholderSchema, stakeholderMarket, stakeholderMarkets, stakeholderRoles } from './stakeholder.js';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

describe('StakeholderSchema', () => {
  it('gives each role the fields it needs', () => {
    expect(StakeholderSchema.safeParse({ role: 'intermediary', id: 'i', name: 'Broker' }).error?.issues.map((i) => i.path)).toEqual([['commission']]);
    expect(StakeholderSchema.safeParse({ role: 'shareholder', id: 's', name: 'Fund', shares: -1 }).error?.issues.map((i) => i.path)).toEqual([['shares']]);
    expect(StakeholderSchema.safeParse({ role: 'distributor', id: 'd', name: 'D', territories: [] }).success).toBe(false);
    expect(StakeholderSchema.safeParse({ role: 'customer', id: 'c', name: 'C', commission: { basis: 'revenue', rate: 0.1 } }).success).toBe(true);
  });

  it('rejects an unknown role with the role path', () => {
    const result = StakeholderSchema.safeParse({ role: 'competitor', id: 'x', name: 'X' });
    expect(result.error?.issues.map((i) => [i.code, i.path])).toEqual([['invalid_union', ['role']]]);
  });

  it('places every role in one of the six markets, covering all six', () => {
    expect(stakeholderRoles).toHaveLength(11);
    expect(new Set(stakeholderRoles.map((role) => stakeholderMarkets[role])).size).toBe(6);
    expect(stakeholderMarket({ role: 'channel_partner' })).toBe('supplier_alliance');
  });

  it('groups stakeholders by market in input order', () => {
    const groups = groupByMarket([
      { role: 'investor', id: 'i1' },
      { role: 'employee', id: 'e1' },
      { role: 'analyst', id: 'a1' },
    ]);
    expect(groups.influence.map((s) => s.id)).toEqual(['i1', 'a1']);
    expect(groups.internal.map((s) => s.id)).toEqual(['e1']);
    expect(groups.customer).toEqual([]);
  });
});

describe('stakeholderMarket and groupByMarket on bad input', () => {
  const codeAndPaths = (fn: () => unknown) => {
    const error = thrownRelmarkError(fn);
    return [error.code, error.issues.map((i) => i.path)];
  };

  it('reject a role that is a key of Object.prototype, instead of returning its function', () => {
    expect(codeAndPaths(() => stakeholderMarket({ role: 'toString' } as never))).toEqual(['invalid_input', [['role']]]);
    expect(codeAndPaths(() => stakeholderMarket(null as never))).toEqual(['invalid_input', [['role']]]);
  });

  it('groupByMarket names the element and rejects a non-array', () => {
    expect(codeAndPaths(() => groupByMarket([{ role: 'customer' }, { role: 'constructor' }] as never))).toEqual(['invalid_input', [['stakeholders', 1, 'role']]]);
    expect(codeAndPaths(() => groupByMarket('customers' as never))).toEqual(['invalid_input', [['stakeholders']]]);
  });
});
