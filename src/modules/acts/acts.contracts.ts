import { z } from 'zod';

/** Acts of returns, refusals, shortage and mis-sort against an order (D3). */
export const actKinds = ['return', 'refusal', 'shortage', 'mis_sort'] as const;
export const ActKind = z.enum(actKinds);
export type ActKind = z.infer<typeof ActKind>;

/** draft: being written; signed: the client's signed act is attached and the returns are booked */
export const actStatuses = ['draft', 'signed'] as const;
export const ActStatus = z.enum(actStatuses);
export type ActStatus = z.infer<typeof ActStatus>;
