import type { CaseRecord } from './types';

/** Placeholder until the synthetic models marginalise missing record fields. */
export function maskedOracle(_root: string, _cases: readonly CaseRecord[]): { key: string; auc: number }[] | undefined {
  return undefined;
}
