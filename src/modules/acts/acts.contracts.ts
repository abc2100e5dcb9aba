import { z } from 'zod';

/** Acts of returns, refusals, shortage and mis-sort against an order (D3). */
export const actKinds = ['return', 'refusal', 'shortage', 'mis_sort'] as const;
export const ActKind = z.enum(actKinds);
export type ActKind = z.infer<typeof ActKind>;

/** draft: being written; signed: the client's signed act is attached and the returns are booked */
export const actStatuses = ['draft', 'signed'] as const;
export const ActStatus = z.enum(actStatuses);
export type ActStatus = z.infer<typeof ActStatus>;

const IsoDate = z.iso.date();
const ReturnReason = z.enum(['defect', 'shortage', 'mis_sort', 'refusal', 'other']);
/** a decimal quantity with up to 3 places, as a string or a number; zero is refused by the service (ACT_QUANTITY_INVALID) */
const Quantity = z
  .union([
    z.number().nonnegative().max(1e12),
    z
      .string()
      .trim()
      .regex(/^\d{1,15}(\.\d{1,3})?$/),
  ])
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .refine((v) => /^\d{1,15}(\.\d{1,3})?$/.test(v), { message: 'at most 3 decimal places' });

/** The reason a line gets when none is given: the act's own kind (a return defaults to a defect). */
export const defaultReason = { return: 'defect', refusal: 'refusal', shortage: 'shortage', mis_sort: 'mis_sort' } as const;

export const ActLineInput = z.strictObject({
  lineNo: z.number().int().min(0).max(999_999_999),
  quantity: Quantity,
  reason: ReturnReason.optional(),
  note: z.string().trim().max(1000).nullish(),
});
export type ActLineInput = z.infer<typeof ActLineInput>;

export const NewAct = z.strictObject({
  accountId: z.uuid(),
  orderId: z.string().trim().min(1).max(100),
  kind: ActKind,
  actDate: IsoDate,
  note: z.string().trim().max(4000).nullish(),
  preventionNote: z.string().trim().max(4000).nullish(),
  lines: z.array(ActLineInput).min(1).max(500),
});
export type NewAct = z.infer<typeof NewAct>;

/** A draft may change in full; a signed act only its prevention note. */
export const ActPatch = z.strictObject({
  kind: ActKind.optional(),
  actDate: IsoDate.optional(),
  note: z.string().trim().max(4000).nullish(),
  preventionNote: z.string().trim().max(4000).nullish(),
  lines: z.array(ActLineInput).min(1).max(500).optional(),
});
export type ActPatch = z.infer<typeof ActPatch>;

const Ref = z.object({ id: z.string(), name: z.string() });

export const ActLine = z.object({
  lineNo: z.number().int(),
  product: z.object({ id: z.string(), name: z.string(), sku: z.string() }),
  /** the order line's quantity */
  orderedQuantity: z.string(),
  quantity: z.string(),
  reason: ReturnReason,
  note: z.string().nullable(),
  returnId: z.string().nullable(),
});
export type ActLine = z.infer<typeof ActLine>;

export const attachmentRoles = ['photo', 'signed'] as const;
export const AttachmentRole = z.enum(attachmentRoles);
export type AttachmentRole = z.infer<typeof AttachmentRole>;

export const ActAttachment = z.object({
  id: z.string(),
  role: AttachmentRole,
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  uploadedBy: Ref.nullable(),
  createdAt: z.string(),
});
export type ActAttachment = z.infer<typeof ActAttachment>;

export const ActSummary = z.object({
  id: z.string(),
  reference: z.string(),
  account: Ref,
  orderId: z.string(),
  orderDate: z.string().nullable(),
  kind: ActKind,
  actDate: z.string(),
  status: ActStatus,
  note: z.string().nullable(),
  preventionNote: z.string().nullable(),
  createdBy: Ref.nullable(),
  signedAt: z.string().nullable(),
  lineCount: z.number().int(),
  totalQuantity: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActSummary = z.infer<typeof ActSummary>;

export const ActDetail = ActSummary.extend({
  lines: z.array(ActLine),
  attachments: z.array(ActAttachment),
  /** whether the caller may change the act (draft edits, prevention note, files, signing) */
  canWrite: z.boolean(),
});
export type ActDetail = z.infer<typeof ActDetail>;

export const ActListQuery = z.strictObject({
  account: z.uuid().optional(),
  kind: ActKind.optional(),
  status: ActStatus.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type ActListQuery = z.infer<typeof ActListQuery>;

export const ActList = z.object({ items: z.array(ActSummary), total: z.number().int() });
export type ActList = z.infer<typeof ActList>;

/** The lines of an order an act may name, with what is still available to return. */
export const OrderLinesForAct = z.object({
  orderId: z.string(),
  orderDate: z.string(),
  lines: z.array(
    z.object({
      lineNo: z.number().int(),
      product: z.object({ id: z.string(), name: z.string(), sku: z.string() }),
      quantity: z.string(),
      status: z.string(),
      returned: z.string(),
      available: z.string(),
    }),
  ),
});
export type OrderLinesForAct = z.infer<typeof OrderLinesForAct>;
export const OrderLinesQuery = z.strictObject({ account: z.uuid(), order: z.string().trim().min(1).max(100) });

export const ActPdfQuery = z.strictObject({ lang: z.enum(['en', 'ru']).optional() });
export const AttachmentQuery = z.strictObject({ role: AttachmentRole.default('photo') });

export const AnalysisQuery = z
  .strictObject({ from: IsoDate.optional(), to: IsoDate.optional(), account: z.uuid().optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type AnalysisQuery = z.infer<typeof AnalysisQuery>;

const Cause = z.object({ acts: z.number().int(), lines: z.number().int(), quantity: z.string() });
const PreventionNote = z.object({ actId: z.string(), reference: z.string(), actDate: z.string(), note: z.string() });
export const ActAnalysis = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  totals: Cause,
  byAccount: z.array(Cause.extend({ account: Ref, latestPrevention: z.array(PreventionNote) })),
  byProduct: z.array(
    Cause.extend({
      product: z.object({ id: z.string(), name: z.string(), sku: z.string() }),
      accounts: z.number().int(),
      latestPrevention: z.array(PreventionNote),
    }),
  ),
  byReason: z.array(Cause.extend({ reason: ReturnReason, accounts: z.number().int(), latestPrevention: z.array(PreventionNote) })),
});
export type ActAnalysis = z.infer<typeof ActAnalysis>;
