import { z } from 'zod';
import { Page } from '../../core/contracts.js';

export const accountTiers = ['key', 'potential', 'regular'] as const;
export const AccountTier = z.enum(accountTiers);
export type AccountTier = z.infer<typeof AccountTier>;

export const accountStatuses = ['prospect', 'active', 'at_risk', 'lost'] as const;
export const AccountStatus = z.enum(accountStatuses);
export type AccountStatus = z.infer<typeof AccountStatus>;

export const accountChannels = ['b2b', 'b2c', 'ecommerce', 'retail'] as const;
export const AccountChannel = z.enum(accountChannels);

/** Roles on an account team besides the owner (B2). */
export const teamRoles = ['senior_kam', 'junior_kam', 'sales_support', 'department_contact', 'other'] as const;
export const TeamRole = z.enum(teamRoles);
export type TeamRole = z.infer<typeof TeamRole>;

/** A decimal amount of money as text ("1234.50"): never a binary float. */
export const Money = z
  .string()
  .trim()
  .regex(/^\d{1,16}(\.\d{1,2})?$/, 'a positive amount with "." and at most two decimals');
export const IsoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const PersonRef = z.object({ id: z.uuid(), name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

/**
 * How much of an account the reader may see: `full` for the account's managers, `basic` (name,
 * status, owner, commercial terms) for sales support and departments that serve it.
 */
export const AccessLevel = z.enum(['full', 'basic']);
export type AccessLevel = z.infer<typeof AccessLevel>;

export const AccountListItem = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  name: z.string(),
  registrationNo: z.string().nullable(),
  tier: AccountTier,
  status: AccountStatus,
  owner: PersonRef.nullable(),
  channel: AccountChannel.nullable(),
  segment: z.string().nullable(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  city: z.string().nullable(),
  currency: z.string(),
  creditLimit: z.string().nullable(),
  paymentTermsDays: z.number().int().nullable(),
  priceColumn: z.string().nullable(),
  score: z.number().nullable(),
  lastContactAt: z.string().nullable(),
  planUpdatedAt: z.string().nullable(),
  /** prospecting (A7): where the lead came from and what happens next */
  source: z.string().nullable(),
  nextStep: z.string().nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AccountListItem = z.infer<typeof AccountListItem>;

export const TeamMember = z.object({ user: PersonRef, role: TeamRole, addedAt: z.string() });
export type TeamMember = z.infer<typeof TeamMember>;

export const Account = AccountListItem.extend({
  legalName: z.string().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  lostDate: z.string().nullable(),
  lostReason: z.string().nullable(),
  lostToCompetitorId: z.uuid().nullable(),
  /** when the current owner took the account; null = from the beginning */
  ownerSince: z.string().nullable(),
  team: z.array(TeamMember),
  version: z.number().int(),
  access: AccessLevel,
  /** what the reader may do here */
  can: z.object({ edit: z.boolean(), assign: z.boolean(), retier: z.boolean() }),
});
export type Account = z.infer<typeof Account>;

/** A comma-separated or repeated query parameter. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20)).optional();

export const accountSortFields = ['name', 'tier', 'status', 'owner', 'score', 'lastContactAt', 'createdAt', 'updatedAt', 'city'] as const;
export const AccountFilters = z.strictObject({
  /** name, registration number, city or a contact's name */
  q: z.string().trim().max(200).optional(),
  tier: many(AccountTier),
  status: many(AccountStatus),
  /** an owner's id, or `me` */
  ownerId: z.union([z.uuid(), z.literal('me')]).optional(),
  channel: many(AccountChannel),
  segment: z.string().trim().max(200).optional(),
  industry: z.string().trim().max(200).optional(),
  region: z.string().trim().max(200).optional(),
  /** absent: archived and not; the web app asks for `false` */
  archived: z.enum(['true', 'false']).optional(),
  hasPlan: z.enum(['true', 'false']).optional(),
  sort: z.enum(accountSortFields).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type AccountFilters = z.infer<typeof AccountFilters>;
export const AccountListQuery = AccountFilters.extend(Page.shape);
export type AccountListQuery = z.infer<typeof AccountListQuery>;
export const AccountList = z.object({ items: z.array(AccountListItem), total: z.number().int() });

/** The columns of the account list (column chooser, saved views) and of its export, in display order. */
export const accountColumns = [
  'name',
  'externalId',
  'registrationNo',
  'tier',
  'status',
  'owner',
  'nextStep',
  'source',
  'score',
  'lastContactAt',
  'city',
  'region',
  'segment',
  'industry',
  'channel',
  'currency',
  'creditLimit',
  'paymentTermsDays',
  'priceColumn',
  'planUpdatedAt',
  'createdAt',
  'updatedAt',
] as const;
export const AccountColumn = z.enum(accountColumns);
export type AccountColumn = z.infer<typeof AccountColumn>;
/** What a new user sees before choosing columns. */
export const defaultAccountColumns: AccountColumn[] = ['name', 'tier', 'status', 'owner', 'score', 'lastContactAt', 'city'];
export const exportColumns = accountColumns;
export const ExportColumn = AccountColumn;
export const AccountExportQuery = AccountFilters.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  /** default: every column */
  columns: many(ExportColumn),
});
export type AccountExportQuery = z.infer<typeof AccountExportQuery>;

const accountFields = {
  name: text(300),
  externalId: optionalText(100),
  legalName: optionalText(300),
  registrationNo: optionalText(50),
  channel: AccountChannel.nullable().optional(),
  segment: optionalText(200),
  industry: optionalText(200),
  region: optionalText(200),
  city: optionalText(200),
  address: optionalText(500),
  website: optionalText(300),
  phone: optionalText(50),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  creditLimit: Money.nullable().optional(),
  paymentTermsDays: z.number().int().min(0).max(3650).nullable().optional(),
  priceColumn: optionalText(100),
  source: optionalText(300),
  nextStep: optionalText(1000),
  status: AccountStatus.optional(),
  lostDate: IsoDate.nullable().optional(),
  lostReason: optionalText(1000),
  lostToCompetitorId: z.uuid().nullable().optional(),
};

export const CreateAccountRequest = z.strictObject({
  ...accountFields,
  tier: AccountTier.optional(),
  /** default: the creator */
  ownerId: z.uuid().optional(),
});
export type CreateAccountRequest = z.infer<typeof CreateAccountRequest>;

export const UpdateAccountRequest = z.strictObject({
  ...accountFields,
  name: text(300).optional(),
  /** changing the tier directly is for those who may re-tier; it is explained on the timeline */
  tier: AccountTier.optional(),
  tierReason: optionalText(500),
  /** the version the editor read; a different stored version answers 409 CONFLICT */
  version: z.number().int().min(1),
});
export type UpdateAccountRequest = z.infer<typeof UpdateAccountRequest>;

/** Fields whose changes the timeline tells as `account.updated` (tier and status have events of their own). */
export const accountStoryFields = [
  'name',
  'legalName',
  'registrationNo',
  'externalId',
  'channel',
  'segment',
  'industry',
  'region',
  'city',
  'address',
  'website',
  'phone',
  'currency',
  'creditLimit',
  'paymentTermsDays',
  'priceColumn',
  'source',
  'nextStep',
] as const;

export const VersionBody = z.strictObject({ version: z.number().int().min(1) });

export const TimelineEvent = z.object({
  id: z.uuid(),
  occurredAt: z.string(),
  kind: z.string(),
  actor: PersonRef.nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;
/** A kind (`note.added`) or every kind of a module (`contact.*`). */
export const TimelineKindFilter = z.string().regex(/^[a-z][a-z_]{0,40}\.([a-z][a-z_]{0,40}|\*)$/, 'a kind like note.added or contact.*');
export const TimelineQuery = z.strictObject({
  /** the `occurredAt|id` of the last event already shown */
  before: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  kind: many(TimelineKindFilter),
});
export const Timeline = z.object({ items: z.array(TimelineEvent), next: z.string().nullable() });
export const NoteRequest = z.strictObject({ body: z.string().trim().min(1).max(10_000) });

/** The views every user has; their names come in the reader's language. */
export const builtInViewKeys = ['myKeyAccounts', 'keyWithoutPlan', 'prospects', 'atRisk'] as const;
export const BuiltInViewKey = z.enum(builtInViewKeys);
export type BuiltInViewKey = z.infer<typeof BuiltInViewKey>;

export const ViewQuery = AccountFilters.omit({ sort: true, order: true })
  .partial()
  .extend({ sort: z.enum(accountSortFields).optional(), order: z.enum(['asc', 'desc']).optional() });
export type ViewQuery = z.infer<typeof ViewQuery>;

export const SavedView = z.object({
  id: z.uuid(),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  columns: z.array(z.string()),
  builtIn: z.boolean(),
  /** which built-in view this is (null for a user's own), for clients that name views themselves */
  key: BuiltInViewKey.nullable(),
});
export type SavedView = z.infer<typeof SavedView>;
export const SavedViewList = z.object({ items: z.array(SavedView) });
export const SaveViewRequest = z.strictObject({
  name: text(100),
  query: ViewQuery,
  /** empty: the reader's own columns */
  columns: z.array(AccountColumn).max(accountColumns.length),
});
export type SaveViewRequest = z.infer<typeof SaveViewRequest>;

/** Distinct values for the filter dropdowns, among the accounts the reader may see. */
export const AccountFacets = z.object({
  segments: z.array(z.string()),
  industries: z.array(z.string()),
  regions: z.array(z.string()),
});
export type AccountFacets = z.infer<typeof AccountFacets>;
