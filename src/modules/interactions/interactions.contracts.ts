import { z } from 'zod';

export const interactionTypes = ['meeting', 'visit', 'call', 'email', 'presentation', 'negotiation', 'training'] as const;
export const InteractionType = z.enum(interactionTypes);
export type InteractionType = z.infer<typeof InteractionType>;

export const interactionStatuses = ['planned', 'done', 'cancelled'] as const;
export const InteractionStatus = z.enum(interactionStatuses);
export type InteractionStatus = z.infer<typeof InteractionStatus>;

/** The types that count as meetings in the KPIs (kpi.md). */
export const meetingTypes = ['meeting', 'visit', 'presentation', 'negotiation', 'training'] as const satisfies readonly InteractionType[];

/** How an interaction came to be: planned in the weekly plan, logged without a plan, or imported. */
export const interactionOrigins = ['plan', 'off_plan', 'import'] as const;
export const InteractionOrigin = z.enum(interactionOrigins);
export type InteractionOrigin = z.infer<typeof InteractionOrigin>;

/** Interaction kinds with their own checklist (C4): a training of client staff, a merchandising check (a visit). */
export const checklistKinds = ['training', 'merchandising'] as const;
export const ChecklistKind = z.enum(checklistKinds);
export type ChecklistKind = z.infer<typeof ChecklistKind>;

export const ChecklistAnswer = z.object({ item: z.string().trim().min(1).max(200), done: z.boolean() });
export type ChecklistAnswer = z.infer<typeof ChecklistAnswer>;
