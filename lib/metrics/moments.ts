/** Mean and sample standard deviation of plain numbers (over seeds, replicates, …). */

export function mean(x: readonly number[]): number {
  return x.length === 0 ? NaN : x.reduce((s, v) => s + v, 0) / x.length;
}

/** Sample standard deviation (n − 1); NaN for fewer than two values. */
export function sd(x: readonly number[]): number {
  if (x.length < 2) return NaN;
  const m = mean(x);
  return Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1));
}
