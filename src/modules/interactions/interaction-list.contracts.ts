import { z } from 'zod';
import { Page } from '../../core/contracts.js';
import { IsoDate, PersonRef } from '../accounts/accounts.contracts.js';
import { InteractionStatus, InteractionType } from './interactions.contracts.js';

/** Reading interactions with clients (C1): lists with filters and one interaction. */

export const Interaction = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  account: z.object({ id: z.uuid(), name: z.string() }),
  user: PersonRef,
  type: InteractionType,
  status: InteractionStatus,
  occurredAt: z.string(),
  /** given as a date without a time */
  allDay: z.boolean(),
  subject: z.string().nullable(),
  outcome: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Interaction = z.infer<typeof Interaction>;

export const InteractionListQuery = Page.extend({
  accountId: z.uuid().optional(),
  userId: z.uuid().optional(),
  type: InteractionType.optional(),
  status: InteractionStatus.optional(),
  /** calendar days of the company time zone, inclusive */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** part of the subject or outcome */
  q: z.string().trim().max(200).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type InteractionListQuery = z.infer<typeof InteractionListQuery>;

export const InteractionList = z.object({ items: z.array(Interaction), total: z.number().int() });
export type InteractionList = z.infer<typeof InteractionList>;
