import { z } from 'zod';
import { IsoDate, PersonRef } from '../accounts/accounts.contracts.js';

/** Tasks and delegation (B2, B4). */
export const taskPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const TaskPriority = z.enum(taskPriorities);
export type TaskPriority = z.infer<typeof TaskPriority>;

export const taskStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const TaskStatus = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const TaskComment = z.object({ id: z.uuid(), author: PersonRef.nullable(), body: z.string(), createdAt: z.string() });
export type TaskComment = z.infer<typeof TaskComment>;

export const Task = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  account: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  assignee: PersonRef,
  giver: PersonRef,
  dueDate: IsoDate.nullable(),
  priority: TaskPriority,
  status: TaskStatus,
  /** due before today (company time zone) and neither done nor cancelled */
  overdue: z.boolean(),
  /** what the caller may do with it */
  canEdit: z.boolean(),
  canWork: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof Task>;

/** A file attached to a task (its bytes are downloaded separately). */
export const TaskAttachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  uploadedBy: PersonRef.nullable(),
  createdAt: z.string(),
  /** its uploader and the task's giver may delete it */
  canDelete: z.boolean(),
});
export type TaskAttachment = z.infer<typeof TaskAttachment>;

export const TaskDetail = Task.extend({ comments: z.array(TaskComment), attachments: z.array(TaskAttachment) });
export type TaskDetail = z.infer<typeof TaskDetail>;

export const taskViews = ['mine', 'given', 'overdue', 'team'] as const;
export const TaskListQuery = z.strictObject({
  view: z.enum(taskViews).default('mine'),
  accountId: z.uuid().optional(),
  /** include done and cancelled tasks */
  closed: z.enum(['true', 'false']).default('false'),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const TaskList = z.object({ items: z.array(Task) });
export type TaskList = z.infer<typeof TaskList>;

const Title = z.string().trim().min(1).max(200);
const Description = z.string().trim().max(5000).nullable();

export const NewTask = z.strictObject({
  title: Title,
  description: Description.optional(),
  assigneeId: z.uuid(),
  accountId: z.uuid().nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  priority: TaskPriority.default('normal'),
});
export type NewTask = z.infer<typeof NewTask>;

export const TaskPatch = z.strictObject({
  title: Title.optional(),
  description: Description.optional(),
  assigneeId: z.uuid().optional(),
  accountId: z.uuid().nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  priority: TaskPriority.optional(),
});
export type TaskPatch = z.infer<typeof TaskPatch>;

export const TaskStatusChange = z.strictObject({ status: TaskStatus });
export const NewTaskComment = z.strictObject({ body: z.string().trim().min(1).max(5000) });

export const Assignees = z.object({ items: z.array(PersonRef) });
