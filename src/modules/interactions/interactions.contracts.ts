import { z } from 'zod';

export const interactionTypes = ['meeting', 'visit', 'call', 'email', 'presentation', 'negotiation', 'training'] as const;
export const InteractionType = z.enum(interactionTypes);
export type InteractionType = z.infer<typeof InteractionType>;

export const interactionStatuses = ['planned', 'done', 'cancelled'] as const;
export const InteractionStatus = z.enum(interactionStatuses);
export type InteractionStatus = z.infer<typeof InteractionStatus>;

/** The types that count as meetings in the KPIs (kpi.md). */
export const meetingTypes = ['meeting', 'visit', 'presentation', 'negotiation', 'training'] as const satisfies readonly InteractionType[];
