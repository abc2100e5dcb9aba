import { z } from 'zod';
import { Locale } from '../../core/contracts.js';
import { IsoDate, PersonRef } from '../accounts/accounts.contracts.js';

/** After a resolved complaint, or periodically to key contacts (D4). */
export const surveyKinds = ['complaint', 'periodic'] as const;
export const SurveyKind = z.enum(surveyKinds);
export type SurveyKind = z.infer<typeof SurveyKind>;

export const NewSurvey = z.object({
  accountId: z.uuid(),
  /** a stakeholder with an e-mail address, or an address given here */
  contactId: z.uuid().optional(),
  email: z.email().max(200).optional(),
  locale: Locale.optional(),
});
export type NewSurvey = z.infer<typeof NewSurvey>;

export const Survey = z.object({
  id: z.uuid(),
  account: z.object({ id: z.uuid(), name: z.string() }),
  contact: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  email: z.string(),
  kind: SurveyKind,
  complaintId: z.uuid().nullable(),
  sentBy: PersonRef.nullable(),
  sentAt: z.string(),
  expiresAt: z.string(),
  answeredAt: z.string().nullable(),
  score: z.number().int().nullable(),
  comment: z.string().nullable(),
});
export type Survey = z.infer<typeof Survey>;

export const SurveyListQuery = z.object({
  accountId: z.uuid().optional(),
  answered: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const SurveyList = z.object({ items: z.array(Survey), total: z.number().int() });

export const TrendQuery = z
  .object({
    from: IsoDate,
    to: IsoDate,
    /** per account, or per KAM (the account's owner) */
    by: z.enum(['account', 'kam']).default('kam'),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export const Trend = z.object({
  rows: z.array(
    z.object({
      key: z.object({ id: z.uuid(), name: z.string() }),
      /** average score per calendar month answered (YYYY-MM), one decimal */
      months: z.array(z.object({ month: z.string(), average: z.number(), answers: z.number().int() })),
      average: z.number(),
      answers: z.number().int(),
    }),
  ),
});
export type Trend = z.infer<typeof Trend>;

/** What the client sees behind the link, without signing in. */
export const PublicSurvey = z.object({
  company: z.string(),
  locale: Locale,
  answered: z.boolean(),
  /** the complaint the survey follows, if any */
  reference: z.string().nullable(),
});
export const SurveyAnswer = z.object({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).optional() });
export const TokenParams = z.object({ token: z.string().min(20).max(100) });
