import type { App } from '../../core/http/types.js';
import { SaveTargetsRequest, TargetGrid, YearParams } from './targets.contracts.js';
import { getTargets, saveTargets } from './targets.service.js';

const tags = ['targets'];

export function registerTargetRoutes(app: App) {
  app.get(
    '/api/targets/:year',
    {
      config: { access: { permission: 'targets.read' } },
      schema: {
        tags,
        summary: "A year's sales plans: the department's monthly targets and the individual plans you may see (F1)",
        params: YearParams,
        response: { 200: TargetGrid },
      },
    },
    async (req) => getTargets(req.ctx, req.params.year),
  );
  app.put(
    '/api/targets/:year',
    {
      config: { access: { permission: 'targets.write' } },
      schema: {
        tags,
        summary:
          "Save changed cells of a year's plans, all or nothing. Send the version you read: if the year's plans changed since, nothing is stored (409)",
        params: YearParams,
        body: SaveTargetsRequest,
        response: { 200: TargetGrid },
      },
    },
    async (req) => saveTargets(req.ctx, req.params.year, req.body),
  );
}
