import { z } from 'zod';
import { SlaUnit } from '../complaints/complaints.contracts.js';

/** Departments a KAM asks to act for a key client (D2); sales is the KAMs' own department. */
export const requestDepartments = ['marketing', 'design', 'advertising', 'logistics', 'customer_service', 'finance'] as const;
export const RequestDepartment = z.enum(requestDepartments);
export type RequestDepartment = z.infer<typeof RequestDepartment>;

export const requestStatuses = ['new', 'in_progress', 'waiting', 'done', 'rejected', 'cancelled'] as const;
export const RequestStatus = z.enum(requestStatuses);
export type RequestStatus = z.infer<typeof RequestStatus>;

/** What may be asked of each department; every department also takes 'other'. */
export const requestTypesByDepartment = {
  marketing: ['promo_materials', 'co_marketing', 'market_research', 'other'],
  design: ['layout', 'packaging', 'pos_materials', 'other'],
  advertising: ['campaign', 'placement', 'other'],
  logistics: ['delivery_schedule', 'urgent_delivery', 'returns_pickup', 'other'],
  customer_service: ['reclamation_handling', 'reconciliation', 'other'],
  finance: ['reconciliation_act', 'payment_terms', 'credit_limit_review', 'other'],
} as const satisfies Record<RequestDepartment, readonly string[]>;

/** Statuses still being worked on; done, rejected and cancelled are final. */
export const openRequestStatuses = ['new', 'in_progress', 'waiting'] as const;

const PersonRef = z.object({ id: z.uuid(), name: z.string() });
const IsoDate = z.iso.date();

/** The account a request is for: only its basic data (departments see no commercial details). */
export const RequestAccount = z.object({
  id: z.uuid(),
  name: z.string(),
  tier: z.string(),
  owner: PersonRef.nullable(),
});

export const DepartmentRequest = z.object({
  id: z.uuid(),
  reference: z.string(),
  account: RequestAccount,
  department: RequestDepartment,
  type: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  dueDate: IsoDate.nullable(),
  status: RequestStatus,
  requestedBy: PersonRef,
  assignee: PersonRef.nullable(),
  /** the department's SLA in business minutes when it was raised, and the deadline it gave */
  slaMinutes: z.number().int().nullable(),
  dueAt: z.string().nullable(),
  warnedAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  /** past its deadline and still open */
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** what the caller may do with it */
  can: z.object({ edit: z.boolean(), work: z.boolean(), cancel: z.boolean(), comment: z.boolean() }),
});
export type DepartmentRequest = z.infer<typeof DepartmentRequest>;

export const RequestEvent = z.object({
  id: z.uuid(),
  kind: z.string(),
  actor: PersonRef.nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type RequestEvent = z.infer<typeof RequestEvent>;

export const RequestAttachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  uploadedBy: PersonRef.nullable(),
  createdAt: z.string(),
  /** its uploader and the requester may delete it */
  canDelete: z.boolean(),
});
export type RequestAttachment = z.infer<typeof RequestAttachment>;

export const RequestDetail = DepartmentRequest.extend({ events: z.array(RequestEvent), attachments: z.array(RequestAttachment) });
export type RequestDetail = z.infer<typeof RequestDetail>;

/** mine: raised by me; queue: my department's; line: my reporting line's (senior); all: every request (head) */
export const requestViews = ['mine', 'queue', 'line', 'all'] as const;
export const RequestListQuery = z.strictObject({
  view: z.enum(requestViews).optional(),
  status: z.enum([...requestStatuses, 'open', 'closed']).optional(),
  department: RequestDepartment.optional(),
  accountId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type RequestListQuery = z.infer<typeof RequestListQuery>;

export const RequestList = z.object({
  view: z.enum(requestViews),
  /** the views the caller may open */
  views: z.array(z.enum(requestViews)),
  items: z.array(DepartmentRequest),
  total: z.number().int(),
});
export type RequestList = z.infer<typeof RequestList>;

const Title = z.string().trim().min(1).max(200);
const Description = z.string().trim().max(5000).nullable();
const TypeCode = z.string().trim().min(1).max(60);

export const NewRequest = z.strictObject({
  accountId: z.uuid(),
  department: RequestDepartment,
  type: TypeCode,
  title: Title,
  description: Description.optional(),
  dueDate: IsoDate.nullable().optional(),
});
export type NewRequest = z.infer<typeof NewRequest>;

export const RequestPatch = z.strictObject({
  type: TypeCode.optional(),
  title: Title.optional(),
  description: Description.optional(),
  dueDate: IsoDate.nullable().optional(),
});
export type RequestPatch = z.infer<typeof RequestPatch>;

export const RequestStatusChange = z.strictObject({
  status: z.enum(['in_progress', 'waiting', 'done', 'rejected', 'cancelled']),
  /** required when rejecting */
  reason: z.string().trim().max(2000).optional(),
});
export type RequestStatusChange = z.infer<typeof RequestStatusChange>;

/** no assignee named: the caller takes it; null: nobody */
export const RequestAssign = z.strictObject({ assigneeId: z.uuid().nullable().optional() });
export type RequestAssign = z.infer<typeof RequestAssign>;

export const NewRequestComment = z.strictObject({ body: z.string().trim().min(1).max(5000) });

export const DepartmentSla = z.object({
  department: RequestDepartment,
  amount: z.number().int().min(1).max(1000),
  unit: SlaUnit,
});
export type DepartmentSla = z.infer<typeof DepartmentSla>;
export const DepartmentSlaList = z.object({ items: z.array(DepartmentSla), canEdit: z.boolean() });
export const DepartmentSlaUpdate = z.strictObject({ items: z.array(DepartmentSla).min(1).max(requestDepartments.length) });
export type DepartmentSlaUpdate = z.infer<typeof DepartmentSlaUpdate>;

/** The department members of a request's department (whom the queue may assign it to). */
export const RequestAssignees = z.object({ items: z.array(PersonRef) });
