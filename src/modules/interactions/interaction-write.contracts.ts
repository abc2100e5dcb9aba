import { z } from 'zod';
import { IsoDate, PersonRef } from '../accounts/accounts.contracts.js';
import { BuyingRole } from '../contacts/contacts.contracts.js';
import { TaskPriority } from '../tasks/tasks.contracts.js';
import { Interaction } from './interaction-list.contracts.js';
import { ChecklistAnswer, ChecklistKind, InteractionOrigin, InteractionType } from './interactions.contracts.js';

/** Logging and planning interactions with clients (C1, C2, C4). */

const text = (max: number) => z.string().trim().max(max).optional();
const Instant = z.iso.datetime({ offset: true });
const Duration = z
  .number()
  .int()
  .min(5)
  .max(24 * 60);

/** The next step of an interaction becomes a task, a planned interaction, or both. */
export const NextTask = z.object({
  title: z.string().trim().min(1).max(200),
  dueDate: IsoDate.optional(),
  priority: TaskPriority.default('normal'),
  /** default: the one who logs the interaction */
  assigneeId: z.uuid().optional(),
});
export const NextInteraction = z.object({ type: InteractionType, occurredAt: Instant, durationMinutes: Duration.optional() });

const Details = {
  subject: text(200),
  outcome: text(4000),
  nextStep: text(1000),
  durationMinutes: Duration.optional(),
  contactIds: z.array(z.uuid()).max(50).optional(),
  checklistKind: ChecklistKind.optional(),
  checklist: z.array(ChecklistAnswer).max(50).optional(),
};

export const NewInteraction = z.object({
  accountId: z.uuid(),
  type: InteractionType,
  /** planned: an item of the weekly plan; done: logged now (off-plan) */
  status: z.enum(['planned', 'done']),
  occurredAt: Instant,
  allDay: z.boolean().default(false),
  /** whose interaction it is: the caller, or the colleague they cover (B3) */
  userId: z.uuid().optional(),
  ...Details,
  nextTask: NextTask.optional(),
  nextInteraction: NextInteraction.optional(),
});
export type NewInteraction = z.infer<typeof NewInteraction>;

export const InteractionPatch = z.object({ type: InteractionType.optional(), ...Details });
export type InteractionPatch = z.infer<typeof InteractionPatch>;

/** Marks a planned item done: it becomes an interaction that counts (kpi.md meetings and calls). */
export const CompleteInteraction = z.object({
  occurredAt: Instant.optional(),
  ...Details,
  outcome: z.string().trim().min(1).max(4000),
  nextTask: NextTask.optional(),
  nextInteraction: NextInteraction.optional(),
});
export type CompleteInteraction = z.infer<typeof CompleteInteraction>;

export const MoveInteraction = z.object({ occurredAt: Instant, durationMinutes: Duration.optional(), reason: text(500) });
export type MoveInteraction = z.infer<typeof MoveInteraction>;

export const CancelInteraction = z.object({ reason: z.string().trim().min(1).max(500) });
export type CancelInteraction = z.infer<typeof CancelInteraction>;

export const InteractionMove = z.object({
  fromAt: z.string(),
  toAt: z.string(),
  reason: z.string().nullable(),
  movedBy: PersonRef.nullable(),
  movedAt: z.string(),
});

export const InteractionDetail = Interaction.extend({
  origin: InteractionOrigin,
  plannedFor: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  nextStep: z.string().nullable(),
  cancelReason: z.string().nullable(),
  checklistKind: ChecklistKind.nullable(),
  checklist: z.array(ChecklistAnswer).nullable(),
  completedAt: z.string().nullable(),
  contacts: z.array(z.object({ id: z.uuid(), fullName: z.string(), title: z.string().nullable(), buyingRole: BuyingRole.nullable() })),
  moves: z.array(InteractionMove),
  /** the caller may edit, complete, move or cancel it */
  canEdit: z.boolean(),
});
export type InteractionDetail = z.infer<typeof InteractionDetail>;
