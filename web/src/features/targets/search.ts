import { type TargetMetric, targetMetrics } from '../../../../src/modules/targets/targets.contracts';

export interface PlansSearch {
  year?: number;
  metric?: TargetMetric;
}

/** ?year=2027&metric=newClients: the year and the metric of the plans grid. */
export function validatePlansSearch(search: Record<string, unknown>): PlansSearch {
  const year = Number(search.year);
  const out: PlansSearch = {};
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) out.year = year;
  if (targetMetrics.includes(search.metric as TargetMetric)) out.metric = search.metric as TargetMetric;
  return out;
}
