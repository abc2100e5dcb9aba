import { IdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { Assignees, NewTask, NewTaskComment, TaskDetail, TaskList, TaskListQuery, TaskPatch, TaskStatusChange } from './tasks.contracts.js';
import { registerTaskAttachmentRoutes } from './tasks.attachments.routes.js';
import { addComment, changeStatus, createTask, getTask, listAssignees, listTasks, updateTask } from './tasks.service.js';

const tags = ['tasks'];
/** any signed-in user has tasks (at least their own); the service decides who sees and changes what */
const access = { signedIn: true } as const;

export function registerTaskRoutes(app: App) {
  app.get(
    '/api/tasks',
    {
      config: { access },
      schema: {
        tags,
        summary: 'My tasks, tasks I gave, overdue tasks, or the team board',
        querystring: TaskListQuery,
        response: { 200: TaskList },
      },
    },
    async (req) => listTasks(req.ctx, req.query),
  );
  app.get(
    '/api/tasks/assignees',
    { config: { access }, schema: { tags, summary: 'The users the caller may give a task to', response: { 200: Assignees } } },
    async (req) => listAssignees(req.ctx),
  );
  app.post(
    '/api/tasks',
    { config: { access }, schema: { tags, summary: 'Give a task', body: NewTask, response: { 200: TaskDetail } } },
    async (req) => createTask(req.ctx, req.body),
  );
  app.get(
    '/api/tasks/:id',
    { config: { access }, schema: { tags, summary: 'One task with its comments', params: IdParams, response: { 200: TaskDetail } } },
    async (req) => getTask(req.ctx, req.params.id),
  );
  app.patch(
    '/api/tasks/:id',
    {
      config: { access },
      schema: { tags, summary: 'Edit a task (its giver)', params: IdParams, body: TaskPatch, response: { 200: TaskDetail } },
    },
    async (req) => updateTask(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/tasks/:id/status',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Move a task (assignee) or cancel it (giver)',
        params: IdParams,
        body: TaskStatusChange,
        response: { 200: TaskDetail },
      },
    },
    async (req) => changeStatus(req.ctx, req.params.id, req.body.status),
  );
  app.post(
    '/api/tasks/:id/comments',
    {
      config: { access },
      schema: { tags, summary: 'Comment on a task', params: IdParams, body: NewTaskComment, response: { 200: TaskDetail } },
    },
    async (req) => addComment(req.ctx, req.params.id, req.body.body),
  );
  registerTaskAttachmentRoutes(app);
}
