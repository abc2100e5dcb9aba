import { z } from 'zod';
import type { App, AppDeps } from './types.js';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ kind: z.enum(['embedded', 'external']), ok: z.boolean(), latencyMs: z.number().nullable() }),
  version: z.string(),
});

export function registerHealthRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: { tags: ['system'], summary: 'Server and database state', response: { 200: Health, 503: Health } },
    },
    async (_req, reply) => {
      const started = performance.now();
      const ok = await deps.database.pool
        .query('SELECT 1')
        .then(() => true)
        .catch(() => false);
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        database: { kind: deps.database.kind, ok, latencyMs: ok ? Math.round((performance.now() - started) * 10) / 10 : null },
        version: '0.1.0',
      };
      return reply.status(ok ? 200 : 503).send(body);
    },
  );
}
