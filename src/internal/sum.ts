/**
 * Compensated summation (Neumaier's improvement of Kahan's), for totals over many terms such as a
 * log-likelihood over a million customers: the error stays O(ε) instead of growing with n.
 * Neumaier, A. (1974), ZAMM 54(1), 39–51.
 * @internal
 */
export class NeumaierSum {
  private sum = 0;
  private compensation = 0;

  add(value: number): void {
    const t = this.sum + value;
    if (Math.abs(this.sum) >= Math.abs(value)) this.compensation += this.sum - t + value;
    else this.compensation += value - t + this.sum;
    this.sum = t;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}

/** The compensated sum of an array (see {@link NeumaierSum}); `0` for an empty array. @internal */
export function neumaierSum(values: ArrayLike<number>): number {
  const acc = new NeumaierSum();
  for (let i = 0; i < values.length; i++) acc.add(values[i] as number);
  return acc.value;
}
