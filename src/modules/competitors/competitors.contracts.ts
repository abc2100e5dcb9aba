import { z } from 'zod';
import { Page } from '../../core/contracts.js';
import { AccountStatus, AccountTier, IsoDate, PersonRef } from '../accounts/accounts.contracts.js';

/** Competitors (A6, JD 2.12): a catalogue, their presence and offers at our accounts, and the threats. */

export const threatLevels = ['low', 'medium', 'high'] as const;
export const ThreatLevel = z.enum(threatLevels);
export type ThreatLevel = z.infer<typeof ThreatLevel>;

const name = z.string().trim().min(1).max(200);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
/** A web address with or without the scheme: "rival.example" or "https://rival.example/en". */
const Website = z
  .string()
  .trim()
  .max(300)
  .regex(/^(https?:\/\/)?[^\s/$.?#][^\s.]*\.[^\s]+$/i, 'a web address such as rival.example')
  .nullable()
  .optional();

export const Competitor = z.object({
  id: z.uuid(),
  name: z.string(),
  website: z.string().nullable(),
  strengths: z.string().nullable(),
  weaknesses: z.string().nullable(),
  notes: z.string().nullable(),
  archived: z.boolean(),
  /** accounts the reader may see where the competitor is recorded */
  accountCount: z.number().int(),
  /** of those, where the threat is medium or high */
  threatCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Competitor = z.infer<typeof Competitor>;

export const CompetitorListQuery = Page.extend({
  /** part of the name or website */
  q: z.string().trim().max(200).optional(),
  /** default: active competitors only */
  archived: z.enum(['true', 'false', 'all']).default('false'),
});
export type CompetitorListQuery = z.infer<typeof CompetitorListQuery>;
export const CompetitorList = z.object({ items: z.array(Competitor), total: z.number().int() });

const competitorFields = {
  name,
  website: Website,
  strengths: optionalText(5000),
  weaknesses: optionalText(5000),
  notes: optionalText(5000),
};
export const CreateCompetitorRequest = z.strictObject(competitorFields);
export type CreateCompetitorRequest = z.infer<typeof CreateCompetitorRequest>;
export const UpdateCompetitorRequest = z.strictObject({
  ...competitorFields,
  name: name.optional(),
  /** archive (true) or restore (false) */
  archived: z.boolean().optional(),
  version: z.number().int().min(1),
});
export type UpdateCompetitorRequest = z.infer<typeof UpdateCompetitorRequest>;

export const AccountRef = z.object({
  id: z.uuid(),
  name: z.string(),
  tier: AccountTier,
  status: AccountStatus,
  owner: PersonRef.nullable(),
});
export type AccountRef = z.infer<typeof AccountRef>;

/** A competitor at one account: what they sell there, at what prices, and how dangerous they are. */
export const Presence = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  competitor: z.object({ id: z.uuid(), name: z.string(), website: z.string().nullable(), archived: z.boolean() }),
  /** estimated share of the client's spend in our category that goes to this competitor, % */
  shareOfWallet: z.number().int().nullable(),
  products: z.string().nullable(),
  /** what we know of their prices and offers */
  priceNotes: z.string().nullable(),
  /** their price level against ours, % (90 = 10 % cheaper than us) */
  priceIndex: z.number().int().nullable(),
  threat: ThreatLevel,
  lastObserved: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: PersonRef.nullable(),
});
export type Presence = z.infer<typeof Presence>;

export const AccountCompetitors = z.object({
  items: z.array(Presence),
  /** Σ share of wallet of the competitors recorded here, % */
  totalShare: z.number().int(),
  can: z.object({ edit: z.boolean() }),
});
export type AccountCompetitors = z.infer<typeof AccountCompetitors>;

const presenceFields = {
  shareOfWallet: z.number().int().min(0).max(100).nullable().optional(),
  products: optionalText(2000),
  priceNotes: optionalText(2000),
  priceIndex: z.number().int().min(1).max(1000).nullable().optional(),
  threat: ThreatLevel,
  lastObserved: IsoDate.nullable().optional(),
  notes: optionalText(5000),
};
export const CreatePresenceRequest = z.strictObject({ competitorId: z.uuid(), ...presenceFields });
export type CreatePresenceRequest = z.infer<typeof CreatePresenceRequest>;
export const UpdatePresenceRequest = z.strictObject({
  ...presenceFields,
  threat: ThreatLevel.optional(),
  version: z.number().int().min(1),
});
export type UpdatePresenceRequest = z.infer<typeof UpdatePresenceRequest>;

/** Where competitors threaten (medium or high) at accounts the reader may see, the worst first. */
export const ThreatListQuery = Page.extend({
  threat: z.enum(['high', 'medium']).optional(),
  competitorId: z.uuid().optional(),
});
export type ThreatListQuery = z.infer<typeof ThreatListQuery>;
export const Threat = z.object({
  presenceId: z.uuid(),
  account: AccountRef,
  competitor: z.object({ id: z.uuid(), name: z.string() }),
  threat: ThreatLevel,
  shareOfWallet: z.number().int().nullable(),
  priceIndex: z.number().int().nullable(),
  lastObserved: z.string().nullable(),
});
export type Threat = z.infer<typeof Threat>;
export const ThreatList = z.object({
  items: z.array(Threat),
  total: z.number().int(),
  counts: z.object({ high: z.number().int(), medium: z.number().int() }),
});

export const CompetitorDetail = Competitor.extend({
  /** its presence at accounts the reader may see, the worst threat first */
  presence: z.array(
    z.object({
      id: z.uuid(),
      account: AccountRef,
      threat: ThreatLevel,
      shareOfWallet: z.number().int().nullable(),
      lastObserved: z.string().nullable(),
    }),
  ),
  /** accounts the reader may see that were lost to this competitor */
  lostAccounts: z.array(z.object({ id: z.uuid(), name: z.string(), lostDate: z.string().nullable() })),
  can: z.object({ edit: z.boolean() }),
});
export type CompetitorDetail = z.infer<typeof CompetitorDetail>;
