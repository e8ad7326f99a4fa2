import { describe, expect, it } from 'vitest';
import { compressHistories, fitBgNbd, fitBgNbdUnchecked, simulateBgNbd, toHistoryColumns } from 'relmark/clv';
import { fitBgNbdParallel } from 'relmark/parallel';


const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('fitBgNbdParallel', () => {
  it('equals the single-thread fit of the compressed histories (LL rtol 1e-12, parameters rtol 1e-6)', async () => {
    const histories = simulateBgNbd({ params, customers: 60_000, T: 39, seed: 11 });
    const single = fitBgNbdUnchecked(compressHistories(histories), { timeUnit: 'week' });
    const parallel = await fitBgNbdParallel(histories, { threads: 2, minRowsPerThread: 1000 });
    const relative = Math.abs(parallel.logLikelihood - single.logLikelihood) / Math.abs(single.logLikelihood);
    expect(relative).toBeLessThanOrEqual(1e-12);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(parallel.params[name] - single.params[name]) / single.params[name]).toBeLessThanOrEqual(1e-6);
    }
    expect([parallel.customers, parallel.model, parallel.timeUnit]).toEqual([60_000, 'bg-nbd', 'week']);
  });

  it('fits the columns as given with compress: false (LL rtol 1e-12 of fitBgNbdUnchecked on them)', async () => {
    const histories = simulateBgNbd({ params, customers: 30_000, T: 39, seed: 12 });
    const single = fitBgNbdUnchecked(histories);
    const parallel = await fitBgNbdParallel(histories, { threads: 2, minRowsPerThread: 1000, compress: false });
    expect(Math.abs(parallel.logLikelihood - single.logLikelihood) / Math.abs(single.logLikelihood)).toBeLessThanOrEqual(1e-12);
    expect(parallel.customers).toBe(30_000);
  });

  it('warm-starts above 200,000 rows from the workers’ rows of the stride subsample, and still equals the single-thread fit (LL rtol 1e-12)', async () => {
    const histories = simulateBgNbd({ params, customers: 210_000, T: 39, seed: 13 });
    const single = fitBgNbdUnchecked(histories);
    const parallel = await fitBgNbdParallel(histories, { threads: 2, minRowsPerThread: 1000, compress: false });
    expect(Math.abs(parallel.logLikelihood - single.logLikelihood) / Math.abs(single.logLikelihood)).toBeLessThanOrEqual(1e-12);
    // Warm-started from the subsample's optimum, the full data need only a few evaluations, as in fitBgNbd.
    expect(parallel.diagnostics.evaluations).toBeLessThanOrEqual(single.diagnostics.evaluations + 5);
  }, 120_000);

  it('is deterministic for given data and threads', async () => {
    const histories = simulateBgNbd({ params, customers: 8000, T: 39, seed: 3 });
    const options = { threads: 2, minRowsPerThread: 500 };
    expect(await fitBgNbdParallel(histories, options)).toEqual(await fitBgNbdParallel(histories, options));
  });

  it('uses one thread below the default 50,000 rows with x > 0 per thread, and then is fitBgNbdUnchecked of the columns bit for bit', async () => {
    const histories = simulateBgNbd({ params, customers: 150_000, T: 39, seed: 6 });
    expect(await fitBgNbdParallel(histories, { threads: 2, compress: false })).toEqual(fitBgNbdUnchecked(histories));
  }, 60_000);

  it('uses one thread for small (compressed) data, and then is fitBgNbd of the compressed columns bit for bit', async () => {
    const simulated = simulateBgNbd({ params, customers: 3000, T: 39, seed: 5 });
    const histories = Array.from(simulated.x, (x, i) => ({ x, tx: Math.round(simulated.tx[i]!), T: simulated.T[i]! }));
    const columns = toHistoryColumns(histories);
    expect(await fitBgNbdParallel(histories, { threads: 2 })).toEqual(fitBgNbd(compressHistories(columns)));
  });

  it.each([
    ['no customers', [], 'empty_input'],
    ['every T = 0', [{ x: 0, tx: 0, T: 0 }], 'invalid_input'],
    ['an invalid history', [{ x: 1, tx: 5, T: 2 }], 'invalid_input'],
  ])('rejects %s as fitBgNbd does (%s)', async (_name, histories, code) => {
    const error = await fitBgNbdParallel(histories, { threads: 2 }).then(
      () => undefined,
      (e: unknown) => e as { code?: string },
    );
    expect(error?.code).toBe(code);
  });

  it.each([[{ threads: 0 }], [{ threads: 1.5 }], [{ workers: 2 }]])('rejects options %j with invalid_options', async (options) => {
    const error = await fitBgNbdParallel([{ x: 1, tx: 1, T: 2 }], options as never).then(
      () => undefined,
      (e: unknown) => e as { code?: string },
    );
    expect(error?.code).toBe('invalid_options');
  });
});

describe('the likelihood pool behind fitBgNbdParallel', () => {
  it('sums the shards of 2 threads to the single-thread log-likelihood and gradient (rtol 1e-13)', async () => {
    const { createLikelihoodPool } = await import('./likelihoodPool.js');
    const { prepareBgNbdData } = await import('../clv/bgNbd/bgNbdData.js');
    const { bgNbdLogLikelihoodKernel } = await import('../clv/bgNbd/bgNbdLogLikelihood.js');
    const columns = compressHistories(simulateBgNbd({ params, customers: 20_000, T: 39, seed: 2 }));
    const pool = await createLikelihoodPool('bg-nbd', columns, 1 / 39, 2);
    try {
      expect(pool.threads).toBe(2);
      for (const p of [params, { r: 1, alpha: 1, a: 1, b: 1 }, { r: 0.05, alpha: 30, a: 3, b: 0.2 }]) {
        const gradient = new Float64Array(4);
        const expectedGradient = new Float64Array(4);
        const value = pool.evaluate(Float64Array.of(p.r, p.alpha, p.a, p.b), gradient);
        const expected = bgNbdLogLikelihoodKernel(p, prepareBgNbdData(columns, 1 / 39), expectedGradient);
        expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-13 * Math.abs(expected));
        expectedGradient.forEach((g, i) => expect(Math.abs(gradient[i]! - g)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(g)) * 1e3));
      }
      expect(Number.isNaN(pool.evaluate(Float64Array.of(-1, 1, 1, 1)))).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
