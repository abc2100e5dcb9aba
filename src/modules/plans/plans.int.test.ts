import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import { accountEvents } from '../accounts/accounts.schema.js';
import type { Plan } from './plans.contracts.js';
import { addMonths, todayIn } from './plans.rules.js';
import { accountPlans } from './plans.schema.js';
import { pdfText } from './pdf-text.js';

let t: TestApp;
let kam: Session;
let kamId: string;
beforeAll(async () => {
  t = await createTestApp();
  const user = await makeUser(t.database.db, { role: 'kam', name: 'Katya Kam' });
  kamId = user.id;
  kam = await signedIn(t.app, user);
});
afterAll(() => t.close());

const today = () => todayIn('Europe/Moscow');
const newAccount = async (opts: Parameters<typeof makeAccount>[1] = { ownerId: kamId }) => (await makeAccount(t.database.db, opts)).id;
const planOf = async (s: Session, id: string) => (await s.get(`/api/accounts/${id}/plan`)).json() as Plan;
const events = (accountId: string) =>
  t.database.db
    .select()
    .from(accountEvents)
    .where(and(eq(accountEvents.accountId, accountId), eq(accountEvents.kind, 'plan.updated')));
const audits = (action: string, entityId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

describe('the plan head', () => {
  it('starts empty, starts with version 0, then refuses a stale version with 409', async () => {
    const id = await newAccount();
    const empty = await planOf(kam, id);
    expect(empty).toMatchObject({ started: false, version: 0, businessGoals: null, review: { state: 'unscheduled' }, can: { edit: true } });

    const started = await kam.put(`/api/accounts/${id}/plan`, { businessGoals: 'Become the main supplier in the north-west', version: 0 });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ started: true, version: 1, businessGoals: 'Become the main supplier in the north-west' });

    const stale = await kam.put(`/api/accounts/${id}/plan`, { businessGoals: 'Overwrite', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const next = await kam.put(`/api/accounts/${id}/plan`, { businessGoals: 'Sharper goals', version: 1 });
    expect(next.json()).toMatchObject({ version: 2, businessGoals: 'Sharper goals', updatedBy: { id: kamId, name: 'Katya Kam' } });

    expect(await audits('plan.start', id)).toHaveLength(1);
    const [update] = await audits('plan.update', id);
    expect(update).toMatchObject({ actorId: kamId, entity: 'account_plan' });
    expect((update!.before as { businessGoals: string }).businessGoals).toBe('Become the main supplier in the north-west');
    const timeline = await events(id);
    expect(timeline.map((e) => e.data)).toEqual([
      { section: 'businessGoals', action: 'started' },
      { section: 'businessGoals', action: 'changed' },
    ]);
    const account = (await kam.get(`/api/accounts/${id}`)).json();
    expect(account.planUpdatedAt).not.toBeNull();
  });

  it('refuses a next review date in the past with its own code', async () => {
    const id = await newAccount();
    const res = await kam.put(`/api/accounts/${id}/plan`, { nextReviewDate: '2020-01-01', version: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'PLAN_REVIEW_DATE_PAST' });
    expect((await planOf(kam, id)).started).toBe(false);
  });

  it('marks the plan reviewed, schedules the next review in three months, and shows an overdue one', async () => {
    const id = await newAccount();
    const reviewed = (await kam.post(`/api/accounts/${id}/plan/review`, { note: 'Quarterly review with the buyer' })).json() as Plan;
    expect(reviewed).toMatchObject({
      nextReviewDate: addMonths(today(), 3),
      lastReviewedBy: { id: kamId },
      review: { state: 'scheduled' },
    });
    expect(reviewed.lastReviewedAt).not.toBeNull();
    expect((await events(id)).at(-1)?.data).toMatchObject({
      section: 'review',
      action: 'reviewed',
      note: 'Quarterly review with the buyer',
    });

    await t.database.db.update(accountPlans).set({ nextReviewDate: '2024-03-01' }).where(eq(accountPlans.accountId, id));
    const overdue = await planOf(kam, id);
    expect(overdue.review.state).toBe('overdue');
    expect(overdue.review.daysLeft).toBeLessThan(-300);

    const custom = (await kam.post(`/api/accounts/${id}/plan/review`, { nextReviewDate: addMonths(today(), 1) })).json() as Plan;
    expect(custom.nextReviewDate).toBe(addMonths(today(), 1));
    expect(['scheduled', 'due_soon']).toContain(custom.review.state);
  });
});

describe('the lists of a plan', () => {
  it('adds, changes and removes items of every list, one timeline event per save', async () => {
    const id = await newAccount();
    const base = `/api/accounts/${id}/plan`;
    expect(
      (await kam.post(`${base}/needs`, { title: 'Deliveries twice a week', detail: 'Their stores run out on Fridays' })).statusCode,
    ).toBe(200);
    await kam.post(`${base}/solutions`, { title: 'Consignment stock at their warehouse', status: 'agreed' });
    await kam.post(`${base}/goals`, { title: 'Open 20 stores', deadline: '2020-12-31', progress: 40 });
    await kam.post(`${base}/swot`, { quadrant: 'threat', text: 'A rival offers 60 days of credit' });
    const plan = (
      await kam.post(`${base}/opportunities`, { title: 'Premium line', kind: 'cross_sell', amount: '1000.10', probability: 33 })
    ).json() as Plan;

    expect(plan.started).toBe(true);
    expect(plan.needs[0]).toMatchObject({ title: 'Deliveries twice a week', status: 'open', version: 1 });
    expect(plan.solutions[0]).toMatchObject({ status: 'agreed' });
    expect(plan.goals[0]).toMatchObject({ progress: 40, overdue: true });
    expect(plan.swot[0]).toMatchObject({ quadrant: 'threat' });

    const need = plan.needs[0]!;
    const changed = (await kam.patch(`${base}/needs/${need.id}`, { status: 'in_progress', version: 1 })).json() as Plan;
    expect(changed.needs[0]).toMatchObject({ status: 'in_progress', version: 2, title: 'Deliveries twice a week' });
    const stale = await kam.patch(`${base}/needs/${need.id}`, { status: 'met', version: 1 });
    expect(stale.statusCode).toBe(409);

    const goal = plan.goals[0]!;
    const reached = (await kam.patch(`${base}/goals/${goal.id}`, { progress: 100, version: 1 })).json() as Plan;
    expect(reached.goals[0]).toMatchObject({ progress: 100, overdue: false });

    const removed = (await kam.delete(`${base}/swot/${plan.swot[0]!.id}`)).json() as Plan;
    expect(removed.swot).toEqual([]);
    expect((await kam.delete(`${base}/swot/${plan.swot[0]!.id}`)).statusCode).toBe(404);

    const timeline = (await events(id)).map((e) => e.data);
    expect(timeline).toHaveLength(8);
    expect(timeline).toContainEqual({ section: 'needs', action: 'added', title: 'Deliveries twice a week' });
    expect(timeline).toContainEqual({ section: 'swot', action: 'removed', title: 'A rival offers 60 days of credit' });
    expect(await audits('plan.need.update', need.id)).toHaveLength(1);
    expect(await audits('plan.swot.delete', plan.swot[0]!.id)).toHaveLength(1);
  });

  it('totals the pipeline exactly: open amount, weighted by probability, won apart', async () => {
    const id = await newAccount();
    const base = `/api/accounts/${id}/plan/opportunities`;
    await kam.post(base, { title: 'A', kind: 'upsell', amount: '1000.10', probability: 33 });
    await kam.post(base, { title: 'B', kind: 'renewal', amount: '2000.05', probability: 50, expectedCloseDate: '2030-03-31' });
    const plan = (
      await kam.post(base, { title: 'C', kind: 'new_product', amount: '999999999999.99', probability: 100, status: 'won' })
    ).json() as Plan;
    // 1000.10 × 0.33 + 2000.05 × 0.5 = 330.033 + 1000.025 = 1330.058
    expect(plan.pipeline).toEqual({
      openCount: 2,
      openAmount: '3000.15',
      weighted: '1330.06',
      wonAmount: '999999999999.99',
      lostAmount: '0.00',
    });
    expect(plan.opportunities.map((o) => o.weighted)).toEqual(['330.03', '1000.03', null]);
  });

  it('does not reach an item through another account', async () => {
    const mine = await newAccount();
    const other = await newAccount();
    const plan = (await kam.post(`/api/accounts/${mine}/plan/needs`, { title: 'Mine' })).json() as Plan;
    const res = await kam.patch(`/api/accounts/${other}/plan/needs/${plan.needs[0]!.id}`, { title: 'Hijacked', version: 1 });
    expect(res.statusCode).toBe(404);
    expect((await planOf(kam, mine)).needs[0]!.title).toBe('Mine');
  });

  it('validates with clear codes and stores nothing on bad input', async () => {
    const id = await newAccount();
    const base = `/api/accounts/${id}/plan`;
    const bad = async (path: string, body: unknown, field: string) => {
      const res = await kam.post(`${base}/${path}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    };
    await bad('opportunities', { title: 'X', kind: 'upsell', amount: '100', probability: 101 }, 'probability');
    await bad('opportunities', { title: 'X', kind: 'upsell', amount: '12,50', probability: 10 }, 'amount');
    await bad('opportunities', { title: 'X', kind: 'barter', amount: '1', probability: 10 }, 'kind');
    await bad('goals', { title: 'X', deadline: '31.12.2026' }, 'deadline');
    await bad('goals', { title: 'X', deadline: '2026-02-30' }, 'deadline');
    await bad('goals', { title: 'X', deadline: '2026-12-31', progress: -1 }, 'progress');
    await bad('needs', { title: '   ' }, 'title');
    await bad('needs', { title: 'X', status: 'done' }, 'status');
    await bad('swot', { quadrant: 'luck', text: 'X' }, 'quadrant');
    const unknown = await kam.post(`${base}/needs`, { title: 'X', priority: 'high' });
    expect(unknown.statusCode).toBe(400);
    const plan = await planOf(kam, id);
    expect([plan.started, plan.needs.length, plan.goals.length, plan.opportunities.length]).toEqual([false, 0, 0, 0]);
    expect(await events(id)).toHaveLength(0);
  });
});

describe('who may see and change a plan', () => {
  it('lets the team junior edit, hides it from sales support and other KAMs, and keeps the executive read-only', async () => {
    const db = t.database.db;
    const owner = await makeUser(db, { role: 'kam' });
    const junior = await makeUser(db, { role: 'kam' });
    const support = await makeUser(db, { role: 'sales_support' });
    const stranger = await makeUser(db, { role: 'kam' });
    const executive = await makeUser(db, { role: 'executive' });
    const id = await newAccount({
      ownerId: owner.id,
      team: [
        { userId: junior.id, role: 'junior_kam' },
        { userId: support.id, role: 'sales_support' },
      ],
    });
    const juniorS = await signedIn(t.app, junior);
    expect((await juniorS.post(`/api/accounts/${id}/plan/needs`, { title: 'From the junior' })).statusCode).toBe(200);

    const supportS = await signedIn(t.app, support);
    expect((await supportS.get(`/api/accounts/${id}`)).statusCode).toBe(200);
    expect((await supportS.get(`/api/accounts/${id}/plan`)).statusCode).toBe(404);
    expect((await supportS.get(`/api/accounts/${id}/plan.pdf`)).statusCode).toBe(403);

    const strangerS = await signedIn(t.app, stranger);
    expect((await strangerS.get(`/api/accounts/${id}/plan`)).statusCode).toBe(404);
    expect((await strangerS.post(`/api/accounts/${id}/plan/needs`, { title: 'Sneaky' })).statusCode).toBe(404);

    const execS = await signedIn(t.app, executive);
    const read = await planOf(execS, id);
    expect(read.needs.map((n) => n.title)).toEqual(['From the junior']);
    expect(read.can.edit).toBe(false);
    expect((await execS.put(`/api/accounts/${id}/plan`, { businessGoals: 'No', version: 1 })).statusCode).toBe(403);
  });
});

describe('the printable plan', () => {
  async function filledAccount() {
    const id = await newAccount({ ownerId: kamId, name: 'ООО «Северный ветер»', tier: 'key' });
    const base = `/api/accounts/${id}/plan`;
    await kam.put(base, { businessGoals: 'Стать основным поставщиком на Северо-Западе', version: 0 });
    await kam.post(`${base}/needs`, { title: 'Поставки дважды в неделю', status: 'in_progress' });
    await kam.post(`${base}/goals`, { title: 'Открыть 20 магазинов', deadline: '2030-12-31', progress: 60 });
    await kam.post(`${base}/swot`, { quadrant: 'strength', text: 'Лояльный закупщик' });
    await kam.post(`${base}/opportunities`, { title: 'Премиальная линейка', kind: 'cross_sell', amount: '1250000.50', probability: 40 });
    return id;
  }

  it('renders the plan in Russian with Cyrillic text and the pipeline, and audits the export', async () => {
    const id = await filledAccount();
    const res = await kam.get(`/api/accounts/${id}/plan.pdf?lang=ru`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="account-plan\.pdf"; filename\*=UTF-8''/);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const title of [
      'План развития клиента'.toUpperCase(),
      'Бизнес-цели клиента',
      'Потребности клиента',
      'Долгосрочные цели',
      'SWOT-анализ',
      'Возможности продаж',
      'Пересмотр плана',
    ])
      expect(text).toContain(title);
    for (const own of [
      'ООО «Северный ветер»',
      'Поставки дважды в неделю',
      'В работе',
      'Лояльный закупщик',
      'Сильные стороны',
      'Категория',
      'Ключевой',
      'Katya Kam',
    ])
      expect(text).toContain(own);
    // 1 250 000,50 ₽ × 40 % = 500 000,20 ₽, with Russian grouping
    expect(text).toContain('500\u00a0000,20\u00a0₽');
    const [audit] = await audits('plan.export', id);
    expect(audit).toMatchObject({ actorId: kamId, entity: 'account_plan', after: { format: 'pdf', lang: 'ru' } });
  });

  it("answers in the reader's language by default, and in English when asked", async () => {
    const id = await filledAccount();
    const english = pdfText((await kam.get(`/api/accounts/${id}/plan.pdf`)).rawPayload);
    expect(english).toContain('Business goals');
    expect(english).toContain('Weighted pipeline');
    const ruUser = await makeUser(t.database.db, { role: 'head', locale: 'ru' });
    const russian = pdfText((await (await signedIn(t.app, ruUser)).get(`/api/accounts/${id}/plan.pdf`)).rawPayload);
    expect(russian).toContain('Взвешенная воронка');
    expect((await kam.get(`/api/accounts/${id}/plan.pdf?lang=de`)).statusCode).toBe(400);
  });

  it('prints an empty plan without failing', async () => {
    const id = await newAccount();
    const res = await kam.get(`/api/accounts/${id}/plan.pdf?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(pdfText(res.rawPayload)).toContain('Nothing recorded yet.');
  });
});
