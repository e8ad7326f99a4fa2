import { describe, expect, it } from 'vitest';
import { thrownRelmarkError } from '../../test/helpers/thrownRelmarkError.js';
import { expectClose } from '../../test/helpers/expectClose.js';
import { defaultMaxEvaluations, maximizeLikelihood } from './maximizeLikelihood.js';
import type { ObjectiveWithGradient } from './objective.js';

const starts = [
  [0, 0],
  [1, -1],
  [-2, 2],
];
const toParams = (theta: Float64Array) => ({ a: theta[0] as number, b: theta[1] as number });

/** Wraps an objective so that the test can count its evaluations. */
function counted(f: ObjectiveWithGradient): { f: ObjectiveWithGradient; calls: () => number } {
  let calls = 0;
  return {
    f: (x, g) => {
      calls++;
      return f(x, g);
    },
    calls: () => calls,
  };
}

// A valley that keeps falling towards θ₀ → +∞: no interior minimum, the shape of a likelihood
// without a maximum (all x = 0 drives r/α to a boundary in the same way).
const fallingValley: ObjectiveWithGradient = (x, g) => {
  const a = x[0] as number;
  const b = x[1] as number;
  const tail = 1 / (1 + Math.exp(a / 8));
  g[0] = 2 * (a - b) * 1e-3 - (Math.exp(a / 8) / 8) * tail * tail;
  g[1] = -2 * (a - b) * 1e-3;
  return 1e-3 * (a - b) ** 2 + tail;
};

describe('maximizeLikelihood', () => {
  it('gives up on a likelihood without a maximum within its evaluation budget and says which budget it hit', () => {
    const objective = counted(fallingValley);
    const error = thrownRelmarkError(() => maximizeLikelihood(objective.f, starts, 100, 'test', toParams));
    expect(error.code).toBe('not_converged');
    expect(error.details).toMatchObject({ maxEvaluations: defaultMaxEvaluations });
    expect(error.details?.evaluations as number).toBeLessThanOrEqual(defaultMaxEvaluations);
    // The optimisers' evaluations plus at most one gradient and one Hessian (2 × 2 gradients) per accepted candidate.
    expect(objective.calls()).toBeLessThanOrEqual(defaultMaxEvaluations + 7 * 5);
  });

  it('stops at a smaller budget when given one, reporting budgetHit "evaluations"', () => {
    const rosenbrock: ObjectiveWithGradient = (x, g) => {
      const a = x[0] as number;
      const b = x[1] as number;
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const error = thrownRelmarkError(() => maximizeLikelihood(rosenbrock, [[-1.2, 1]], 1, 'test', toParams, undefined, { maxEvaluations: 12 }));
    expect(error.details).toMatchObject({ maxEvaluations: 12, budgetHit: 'evaluations' });
    expect(error.details?.evaluations as number).toBeLessThanOrEqual(12);
  });

  it('adds penalizer · Σθ² to the objective and reports it apart from the unpenalised value', () => {
    // f(θ) = (θ₀ − 2)² + (θ₁ + 1)²; with penalty λΣθ² the minimum is at θ = (2, −1)/(1 + λ).
    const bowl: ObjectiveWithGradient = (x, g) => {
      g[0] = 2 * ((x[0] as number) - 2);
      g[1] = 2 * ((x[1] as number) + 1);
      return ((x[0] as number) - 2) ** 2 + ((x[1] as number) + 1) ** 2;
    };
    const lambda = 0.5;
    const ml = maximizeLikelihood(bowl, starts, 1, 'test', toParams, undefined, { penalizer: lambda });
    expectClose(Array.from(ml.theta), [2 / 1.5, -1 / 1.5], { rtol: 1e-7 });
    expectClose(ml.penalty, lambda * ((2 / 1.5) ** 2 + (1 / 1.5) ** 2), { rtol: 1e-7 });
    expectClose(ml.value, (2 / 1.5 - 2) ** 2 + (-1 / 1.5 + 1) ** 2, { rtol: 1e-7 });
  });

  it('with penalizer 0 finds the unpenalised optimum and reports a penalty of 0', () => {
    const bowl: ObjectiveWithGradient = (x, g) => {
      g[0] = 2 * ((x[0] as number) - 2);
      g[1] = 2 * (x[1] as number);
      return ((x[0] as number) - 2) ** 2 + (x[1] as number) ** 2;
    };
    const ml = maximizeLikelihood(bowl, starts, 1, 'test', toParams);
    expectClose(Array.from(ml.theta), [2, 0], { atol: 1e-7 });
    expect(ml.penalty).toBe(0);
  });
});
