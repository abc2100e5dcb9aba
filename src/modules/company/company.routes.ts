import { Ok } from '../../core/contracts.js';
import { AppError } from '../../core/errors.js';
import type { App, AppDeps } from '../../core/http/types.js';
import { Company, CompanyInput, DemoInfo, SetupRequest, SetupStatus } from './company.contracts.js';
import { findCompany, getCompany, setUp, updateCompany } from './company.service.js';
import { demoInfo, loadDemo } from './demo.js';

const tags = ['company'];

export function registerCompanyRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/setup',
    {
      config: { access: { public: true } },
      schema: { tags, summary: 'Whether this installation still needs its first-run set-up', response: { 200: SetupStatus } },
    },
    async () => {
      const c = await findCompany(deps.database.db);
      return { needed: !c, demo: c?.demo ?? false };
    },
  );
  app.post(
    '/api/setup',
    {
      config: { access: { public: true }, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'First run: create the company and its first administrator', body: SetupRequest, response: { 200: Ok } },
    },
    async (req) => {
      await setUp(req.ctx, req.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/setup/demo',
    {
      config: { access: { public: true }, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'First run: open the demo company instead', response: { 200: DemoInfo } },
    },
    async (req) => {
      await loadDemo(req.ctx);
      return demoInfo();
    },
  );
  app.get(
    '/api/setup/demo',
    {
      config: { access: { public: true } },
      schema: { tags, summary: 'The demo sign-ins, when the demo company is loaded', response: { 200: DemoInfo } },
    },
    async () => {
      if (!(await findCompany(deps.database.db))?.demo) throw new AppError('DEMO_NOT_LOADED', 404);
      return demoInfo();
    },
  );
  app.get(
    '/api/company',
    { config: { access: { permission: 'company.read' } }, schema: { tags, summary: 'Company settings', response: { 200: Company } } },
    async (req) => getCompany(req.ctx),
  );
  app.put(
    '/api/company',
    {
      config: { access: { permission: 'company.manage' } },
      schema: { tags, summary: 'Change company settings', body: CompanyInput, response: { 200: Company } },
    },
    async (req) => updateCompany(req.ctx, req.body),
  );
}
