import { z } from 'zod';

export const lineStatuses = ['confirmed', 'cancelled'] as const;
export const LineStatus = z.enum(lineStatuses);
export type LineStatus = z.infer<typeof LineStatus>;

export const returnReasons = ['defect', 'shortage', 'mis_sort', 'refusal', 'other'] as const;
export const ReturnReason = z.enum(returnReasons);
export type ReturnReason = z.infer<typeof ReturnReason>;
