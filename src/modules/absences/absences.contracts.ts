import { z } from 'zod';
import { IsoDate, PersonRef } from '../accounts/accounts.contracts.js';
import { Role } from '../../core/contracts.js';

export const absenceKinds = ['business_trip', 'vacation', 'sick_leave'] as const;
export const AbsenceKind = z.enum(absenceKinds);
export type AbsenceKind = z.infer<typeof AbsenceKind>;

/** Where an absence stands on the company's calendar today. */
export const AbsenceStatus = z.enum(['upcoming', 'active', 'over']);
export type AbsenceStatus = z.infer<typeof AbsenceStatus>;

/** An absence (B3): from the first to the last day the deputy holds the absent user's rights. */
export const Absence = z.object({
  id: z.uuid(),
  user: PersonRef,
  deputy: PersonRef,
  kind: AbsenceKind,
  firstDay: IsoDate,
  lastDay: IsoDate,
  /** set when the absence was ended before its last day */
  endedAt: z.string().nullable(),
  status: AbsenceStatus,
  note: z.string().nullable(),
  createdBy: PersonRef.nullable(),
  createdAt: z.string(),
});
export type Absence = z.infer<typeof Absence>;

export const AbsenceList = z.object({ items: z.array(Absence) });

export const AbsenceListQuery = z.strictObject({
  /** mine: my absences; covering: where I am the deputy; team: my reporting line's; all: everyone's (head, admin, HR) */
  scope: z.enum(['mine', 'covering', 'team', 'all']).default('mine'),
  /** also absences that are over */
  past: z.enum(['true', 'false']).default('false'),
});
export type AbsenceListQuery = z.infer<typeof AbsenceListQuery>;

const note = z.string().trim().max(500).nullable().optional();

export const CreateAbsenceRequest = z.strictObject({
  /** whose absence; yourself when left out */
  userId: z.uuid().optional(),
  deputyId: z.uuid(),
  kind: AbsenceKind,
  firstDay: IsoDate,
  lastDay: IsoDate,
  note,
});
export type CreateAbsenceRequest = z.infer<typeof CreateAbsenceRequest>;

export const UpdateAbsenceRequest = z.strictObject({
  deputyId: z.uuid().optional(),
  kind: AbsenceKind.optional(),
  firstDay: IsoDate.optional(),
  lastDay: IsoDate.optional(),
  note,
});
export type UpdateAbsenceRequest = z.infer<typeof UpdateAbsenceRequest>;

/** Who the signed-in user covers today, and who covers them: for the banner. */
export const CoverStatus = z.object({
  covering: z.array(z.object({ absenceId: z.uuid(), user: PersonRef, lastDay: IsoDate })),
  coveredBy: z.array(z.object({ absenceId: z.uuid(), deputy: PersonRef, lastDay: IsoDate })),
});
export type CoverStatus = z.infer<typeof CoverStatus>;

export const DeputyQuery = z.strictObject({
  /** whose absence; yourself when left out */
  userId: z.uuid().optional(),
});
export const DeputyList = z.object({ items: z.array(PersonRef.extend({ role: Role })) });
export type DeputyList = z.infer<typeof DeputyList>;
