/**
 * The unchecked prediction kernels of the continuous transaction models, keyed by model tag, for
 * the loops of prediction intervals (no closure per customer or draw).
 * @internal
 * @module
 */
import { bgNbdExpectedPurchasesIfAlive } from '../bgNbd/bgNbdExpectedPurchases.js';
import type { BgNbdParams } from '../bgNbd/bgNbdParams.js';
import { bgNbdProbabilityAliveUnchecked } from '../bgNbd/bgNbdProbabilityAlive.js';
import { mbgNbdExpectedPurchasesIfAlive } from '../mbgNbd/mbgNbdExpectedPurchases.js';
import { mbgNbdProbabilityAliveUnchecked } from '../mbgNbd/mbgNbdProbabilityAlive.js';
import { paretoNbdExpectedPurchasesIfAlive } from '../paretoNbd/paretoNbdExpectedPurchases.js';
import type { ParetoNbdParams } from '../paretoNbd/paretoNbdParams.js';
import { paretoNbdProbabilityAliveUnchecked } from '../paretoNbd/paretoNbdProbabilityAlive.js';

/** The continuous models that intervals support. @internal */
export type ContinuousModel = 'bg-nbd' | 'pareto-nbd' | 'mbg-nbd';

/** Parameter names in kernel order. @internal */
export function parameterNames(model: ContinuousModel): readonly string[] {
  return model === 'pareto-nbd' ? ['r', 'alpha', 's', 'beta'] : ['r', 'alpha', 'a', 'b'];
}

/** Model parameters as the kernels take them, from four numbers in {@link parameterNames} order. @internal */
export function paramsOf(model: ContinuousModel, p0: number, p1: number, p2: number, p3: number): BgNbdParams | ParetoNbdParams {
  return model === 'pareto-nbd' ? { r: p0, alpha: p1, s: p2, beta: p3 } : { r: p0, alpha: p1, a: p2, b: p3 };
}

/** P(alive | x, tₓ, T). @internal */
export function aliveKernel(model: ContinuousModel, params: BgNbdParams | ParetoNbdParams, x: number, tx: number, T: number): number {
  switch (model) {
    case 'pareto-nbd':
      return paretoNbdProbabilityAliveUnchecked(params as ParetoNbdParams, x, tx, T);
    case 'bg-nbd':
      return bgNbdProbabilityAliveUnchecked(params as BgNbdParams, x, tx, T);
    default:
      return mbgNbdProbabilityAliveUnchecked(params as BgNbdParams, x, tx, T);
  }
}

/** E[Y(t) | alive at T, x, T]. @internal */
export function ifAliveKernel(model: ContinuousModel, params: BgNbdParams | ParetoNbdParams, x: number, T: number, t: number): number {
  switch (model) {
    case 'pareto-nbd':
      return paretoNbdExpectedPurchasesIfAlive(params as ParetoNbdParams, x, T, t);
    case 'bg-nbd':
      return bgNbdExpectedPurchasesIfAlive(params as BgNbdParams, x, T, t);
    default:
      return mbgNbdExpectedPurchasesIfAlive(params as BgNbdParams, x, T, t);
  }
}
