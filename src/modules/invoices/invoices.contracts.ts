import { z } from 'zod';

/** Aging of receivables by days past the due date (F3). */
export const agingBuckets = ['current', 'd1_30', 'd31_60', 'd61_90', 'over_90'] as const;
export const AgingBucket = z.enum(agingBuckets);
export type AgingBucket = z.infer<typeof AgingBucket>;

/** The bucket of an open invoice `daysOverdue` days past its due date (0 or less: not yet due). */
export function agingBucket(daysOverdue: number): AgingBucket {
  if (daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return 'd1_30';
  if (daysOverdue <= 60) return 'd31_60';
  if (daysOverdue <= 90) return 'd61_90';
  return 'over_90';
}

/** The same in SQL, for an expression giving the days overdue. */
export const agingBucketSql = (days: string) =>
  `CASE WHEN ${days} <= 0 THEN 'current' WHEN ${days} <= 30 THEN 'd1_30' WHEN ${days} <= 60 THEN 'd31_60' WHEN ${days} <= 90 THEN 'd61_90' ELSE 'over_90' END`;
