import { IdParams, Ok } from '../../core/contracts.js';
import { setActingForResolver } from '../../core/http/auth-hook.js';
import type { App } from '../../core/http/types.js';
import {
  Absence,
  AbsenceList,
  AbsenceListQuery,
  CoverStatus,
  CreateAbsenceRequest,
  DeputyList,
  DeputyQuery,
  UpdateAbsenceRequest,
} from './absences.contracts.js';
import {
  actingForToday,
  coverStatus,
  createAbsence,
  deleteAbsence,
  endAbsence,
  listAbsences,
  listDeputies,
  updateAbsence,
} from './absences.service.js';

const tags = ['absences'];
/** who may do what with an absence is decided per record in the service (self, reporting line, head, admin) */
const signedIn = { access: { signedIn: true as const } };

export function registerAbsenceRoutes(app: App) {
  // Every request's actor holds the rights of the colleagues they cover today (B3).
  setActingForResolver((deps, userId) => actingForToday(deps.database.db, userId));

  app.get(
    '/api/absences',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Absences: mine, those I cover, my reporting line’s, or all (head, admin, HR)',
        querystring: AbsenceListQuery,
        response: { 200: AbsenceList },
      },
    },
    async (req) => ({ items: await listAbsences(req.ctx, req.query) }),
  );
  app.get(
    '/api/absences/cover',
    { config: signedIn, schema: { tags, summary: 'Whom I cover today and who covers me', response: { 200: CoverStatus } } },
    async (req) => coverStatus(req.ctx),
  );
  app.get(
    '/api/absences/deputies',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Colleagues who can deputise for a user (yourself when left out)',
        querystring: DeputyQuery,
        response: { 200: DeputyList },
      },
    },
    async (req) => listDeputies(req.ctx, req.query.userId),
  );
  app.post(
    '/api/absences',
    {
      config: signedIn,
      schema: { tags, summary: 'Record an absence with its deputy', body: CreateAbsenceRequest, response: { 200: Absence } },
    },
    async (req) => createAbsence(req.ctx, req.body),
  );
  app.patch(
    '/api/absences/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Change the dates, kind or deputy of an absence not over yet',
        params: IdParams,
        body: UpdateAbsenceRequest,
        response: { 200: Absence },
      },
    },
    async (req) => updateAbsence(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/absences/:id/end',
    {
      config: signedIn,
      schema: { tags, summary: 'End an absence early: the deputy loses the rights at once', params: IdParams, response: { 200: Absence } },
    },
    async (req) => endAbsence(req.ctx, req.params.id),
  );
  app.delete(
    '/api/absences/:id',
    { config: signedIn, schema: { tags, summary: 'Delete an absence that has not started', params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await deleteAbsence(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
