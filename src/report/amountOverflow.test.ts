import { describe, expect, it } from 'vitest';
import { clvDistributionChartData, reportChartData, trackingChartData } from 'relmark/report';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';

describe('chart data never holds a non-finite total', () => {
  it('clvDistributionChartData and reportChartData name CLVs that total beyond Number.MAX_VALUE', () => {
    const customers = [{ customerId: 'a', clv: 1e308 }, { customerId: 'b', clv: 1e308 }];
    const error = thrownRelmarkError(() => clvDistributionChartData(customers));
    expect([error.code, error.issues.map((i) => [i.code, i.path])]).toEqual(['invalid_input', [['amount_overflow', ['customers']]]]);
    expect(thrownRelmarkError(() => reportChartData({ asOf: '2026-01-01', customers })).issues[0]?.code).toBe('amount_overflow');
    expect(clvDistributionChartData([{ customerId: 'a', clv: 1e308 }, { customerId: 'b', clv: -1e308 }]).total).toBe(0);
  });

  it('trackingChartData names cumulative totals beyond Number.MAX_VALUE', () => {
    const points = [1, 2].map((period) => ({ period, actual: 1e308, expected: 1 }));
    expect(thrownRelmarkError(() => trackingChartData(points)).issues.map((i) => [i.code, i.path])).toEqual([['amount_overflow', ['tracking']]]);
  });
});
