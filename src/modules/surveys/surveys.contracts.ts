import { z } from 'zod';

/** After a resolved complaint, or periodically to key contacts (D4). */
export const surveyKinds = ['complaint', 'periodic'] as const;
export const SurveyKind = z.enum(surveyKinds);
export type SurveyKind = z.infer<typeof SurveyKind>;
