import { Ok } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import {
  NewSurvey,
  PublicSurvey,
  Survey,
  SurveyAnswer,
  SurveyList,
  SurveyListQuery,
  TokenParams,
  Trend,
  TrendQuery,
} from './surveys.contracts.js';
import { answerSurvey, listSurveys, publicSurvey, sendSurvey, surveyTrend } from './surveys.service.js';

const tags = ['surveys'];
const read = { access: { permission: 'complaints.read' as const } };
/** the client answers through the secret link, without an account: the secret is the credential */
const client = { access: { public: true as const }, rateLimit: { max: 30, timeWindow: '1 minute' } };

export function registerSurveyRoutes(app: App) {
  app.get(
    '/api/surveys',
    {
      config: read,
      schema: {
        tags,
        summary: 'Surveys sent to the clients you may see, the latest first',
        querystring: SurveyListQuery,
        response: { 200: SurveyList },
      },
    },
    async (req) => listSurveys(req.ctx, req.query),
  );
  app.post(
    '/api/surveys',
    {
      config: { access: { permission: 'complaints.write' as const } },
      schema: { tags, summary: 'Send a satisfaction survey to a contact of an account', body: NewSurvey, response: { 200: Survey } },
    },
    async (req) => sendSurvey(req.ctx, req.body),
  );
  app.get(
    '/api/surveys/trend',
    {
      config: read,
      schema: {
        tags,
        summary: 'Average satisfaction per month, per account or per KAM',
        querystring: TrendQuery,
        response: { 200: Trend },
      },
    },
    async (req) => surveyTrend(req.ctx, req.query),
  );
  app.get(
    '/api/public/surveys/:token',
    {
      config: client,
      schema: {
        tags,
        summary: 'The survey behind a client’s link (unknown or expired: 404)',
        params: TokenParams,
        response: { 200: PublicSurvey },
      },
    },
    async (req) => publicSurvey(req.ctx.db, req.params.token),
  );
  app.post(
    '/api/public/surveys/:token',
    {
      config: client,
      schema: {
        tags,
        summary: 'The client’s answer: a score from 1 to 5 and a comment, once',
        params: TokenParams,
        body: SurveyAnswer,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await answerSurvey(req.ctx.db, req.params.token, req.body);
      return { ok: true as const };
    },
  );
}
