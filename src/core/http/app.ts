import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody } from '../contracts.js';
import { AppError } from '../errors.js';
import { registerAuditRoutes } from '../audit/audit.routes.js';
import { registerAccountRoutes } from '../../modules/accounts/accounts.routes.js';
import { registerCompetitorRoutes } from '../../modules/competitors/competitors.routes.js';
import { registerKpiRoutes } from '../../modules/kpi/kpi.routes.js';
import { registerKpiExportRoutes } from '../../modules/kpi/kpi-export.routes.js';
import { registerContactRoutes } from '../../modules/contacts/contacts.routes.js';
import { registerImportRoutes } from '../../modules/imports/imports.routes.js';
import { registerPlanRoutes } from '../../modules/plans/plans.routes.js';
import { registerTieringRoutes } from '../../modules/tiering/tiering.routes.js';
import { registerTargetRoutes } from '../../modules/targets/targets.routes.js';
import { registerCommercialRoutes } from '../../modules/orders/commercial.routes.js';
import { registerContactPlanRoutes } from '../../modules/contact-plan/contact-plan.routes.js';
import { registerSurveyRoutes } from '../../modules/surveys/surveys.routes.js';
import { registerInteractionRoutes } from '../../modules/interactions/interactions.routes.js';
import { registerComplaintRoutes } from '../../modules/complaints/complaints.routes.js';
import { registerAbsenceRoutes } from '../../modules/absences/absences.routes.js';
import { registerTaskRoutes } from '../../modules/tasks/tasks.routes.js';
import { registerRequestRoutes } from '../../modules/requests/requests.routes.js';
import { registerCalendarFeedRoutes } from '../../modules/calendar-feeds/calendar-feeds.routes.js';
import { registerNotificationRoutes } from '../../modules/notifications/notifications.routes.js';
import { registerMailRoutes } from '../../modules/mail/mail.routes.js';
import { registerActRoutes } from '../../modules/acts/acts.routes.js';
import { registerAuthRoutes } from '../../modules/auth/auth.routes.js';
import { registerMeRoutes } from '../../modules/auth/me.routes.js';
import { registerCompanyRoutes } from '../../modules/company/company.routes.js';
import { registerBusinessCalendarRoutes } from '../../modules/company/business-calendar.routes.js';
import { findCompany } from '../../modules/company/company.service.js';
import { registerUserRoutes } from '../../modules/users/users.routes.js';
import { authHook } from './auth-hook.js';
import { errorHandler, sendError } from './errors.js';
import { registerHealthRoutes } from './health.routes.js';
import type { App, AppDeps } from './types.js';

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** Every route of the API, as registered (for the access matrix and the fuzz test). */
export interface RouteInfo {
  method: string;
  url: string;
  schema?: Record<string, unknown>;
}

export async function buildApp(deps: AppDeps, opts: { logger?: FastifyBaseLogger } = {}) {
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>() as App;

  await app.register(fastifyCookie); // before our hooks: they read the cookies it parses
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RouteInfo[] = [];
  app.decorate('apiRoutes', routes);
  app.addHook('onRoute', (route) => {
    // the private calendar feeds (/ical/<secret>.ics) are public routes that the access matrix covers too
    if (!route.url.startsWith('/api') && !route.url.startsWith('/ical/')) return;
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...route.config, access: { public: true } };
      return;
    }
    if (!route.config?.access) throw new Error(`Route ${route.method} ${route.url} declares no access (deny by default)`);
    if (route.schema) {
      route.schema.response = { '4xx': ErrorBody, '5xx': ErrorBody, ...(route.schema.response as object) };
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, schema: route.schema as Record<string, unknown> });
    }
  });

  let companyLocale: 'en' | 'ru' = 'en';
  const refreshCompanyLocale = async () => {
    companyLocale = (await findCompany(deps.database.db).catch(() => null))?.defaultLocale ?? 'en';
  };
  await refreshCompanyLocale();
  const localeTimer = setInterval(refreshCompanyLocale, 60_000);
  localeTimer.unref();
  app.addHook('onClose', async () => clearInterval(localeTimer));

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('ctx', null as never);
  const publicUrl = deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
  app.addHook('onRequest', async (req) => {
    req.ctx = { db: deps.database.db, actor: null, locale: companyLocale, ip: req.ip, requestId: String(req.id), publicUrl };
  });
  app.addHook(
    'onRequest',
    authHook(deps, () => companyLocale),
  );
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => {
    const wantsPage = req.method === 'GET' && !req.url.startsWith('/api') && fs.existsSync(path.join(webDist, 'index.html'));
    if (wantsPage) return reply.type('text/html').sendFile('index.html');
    return sendError(req, reply, new AppError('ROUTE_NOT_FOUND', 404, { method: req.method, url: req.url.split('?')[0] ?? '' }));
  });

  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED', 429),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Grove API',
        description:
          'Key account management. Authenticate with the session cookie (web app) or `Authorization: Bearer <personal API token>`.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'grove_session' } },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(fastifyStatic, { root: webDist, wildcard: false, serve: fs.existsSync(webDist), index: ['index.html'] });

  await app.register(async (api) => {
    const a = api as App;
    registerHealthRoutes(a, deps);
    registerCompanyRoutes(a, deps);
    registerBusinessCalendarRoutes(a);
    registerAuthRoutes(a, deps);
    registerMeRoutes(a);
    registerUserRoutes(a);
    registerAuditRoutes(a);
    registerAccountRoutes(a);
    registerContactRoutes(a);
    registerPlanRoutes(a);
    registerCompetitorRoutes(a);
    registerKpiRoutes(a);
    registerKpiExportRoutes(a);
    registerTieringRoutes(a);
    registerTargetRoutes(a);
    registerCommercialRoutes(a);
    registerInteractionRoutes(a);
    registerContactPlanRoutes(a);
    registerSurveyRoutes(a);
    registerComplaintRoutes(a);
    registerAbsenceRoutes(a);
    registerTaskRoutes(a);
    registerRequestRoutes(a);
    registerCalendarFeedRoutes(a, deps);
    registerNotificationRoutes(a);
    registerMailRoutes(a, deps);
    registerActRoutes(a);
    registerImportRoutes(a, deps);
    a.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());
  });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: RouteInfo[];
  }
}
