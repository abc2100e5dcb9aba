import { z } from 'zod';
import { Role } from '../../core/contracts.js';
import { IsoDate, PersonRef, TeamRole } from './accounts.contracts.js';

/** A person on an account, with their role in the company. */
export const TeamPerson = PersonRef.extend({ role: Role });
export type TeamPerson = z.infer<typeof TeamPerson>;

export const AccountTeamMember = z.object({ user: TeamPerson, role: TeamRole, addedAt: z.string() });
export type AccountTeamMember = z.infer<typeof AccountTeamMember>;

/** The owner and the team of an account (B2). */
export const AccountTeam = z.object({
  accountId: z.uuid(),
  owner: TeamPerson.nullable(),
  /** when the owner took the account; null = from the beginning */
  ownerSince: z.string().nullable(),
  /** a hand-over dated in the future, if any */
  upcomingOwner: z.object({ owner: PersonRef, startDate: z.string() }).nullable(),
  members: z.array(AccountTeamMember),
  /** send it back when changing the team; another one answers 409 CONFLICT */
  version: z.string(),
  /** the reader may change the team: admin, head, the owner, or the owner's senior KAM */
  canEdit: z.boolean(),
  /** the reader may hand the account over (admin, head) */
  canHandOver: z.boolean(),
});
export type AccountTeam = z.infer<typeof AccountTeam>;

export const TeamMemberInput = z.strictObject({ userId: z.uuid(), role: TeamRole });
export type TeamMemberInput = z.infer<typeof TeamMemberInput>;

export const UpdateTeamRequest = z.strictObject({
  members: z.array(TeamMemberInput).max(50),
  version: z.string().max(100),
});
export type UpdateTeamRequest = z.infer<typeof UpdateTeamRequest>;

export const HandoverRequest = z.strictObject({
  toOwnerId: z.uuid(),
  /** the first day of the new owner (YYYY-MM-DD): today, in the past or in the future */
  startDate: IsoDate,
  note: z.string().trim().max(1000).nullable().optional(),
  /** keep the team as it is, or replace it with this list */
  team: z.union([z.literal('keep'), z.array(TeamMemberInput).max(50)]).default('keep'),
});
export type HandoverRequest = z.infer<typeof HandoverRequest>;

/** One assignment of the ownership history (import-format.md). */
export const OwnerAssignment = z.object({
  /** YYYY-MM-DD; null = from the beginning */
  startDate: z.string().nullable(),
  owner: PersonRef,
  note: z.string().nullable(),
  createdBy: PersonRef.nullable(),
  createdAt: z.string(),
  /** current: the owner today; upcoming: dated after today; past: an earlier owner */
  state: z.enum(['past', 'current', 'upcoming']),
});
export type OwnerAssignment = z.infer<typeof OwnerAssignment>;

export const OwnershipHistory = z.object({
  /** newest start date first */
  items: z.array(OwnerAssignment),
  /** today in the company's time zone */
  today: z.string(),
});
export type OwnershipHistory = z.infer<typeof OwnershipHistory>;

export const CandidateQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  /** people to put on the team, or a new owner for a hand-over */
  purpose: z.enum(['team', 'owner']).default('team'),
});
export type CandidateQuery = z.infer<typeof CandidateQuery>;
export const CandidateList = z.object({ items: z.array(TeamPerson) });
