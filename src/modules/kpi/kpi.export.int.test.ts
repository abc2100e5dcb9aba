import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { addLine, addReturn, makeProduct, setTarget } from '../../../test/helpers/commercial.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { pdfText } from '../plans/pdf-text.js';
import { kpiExportEn, kpiExportRu } from './kpi-export.texts.js';
import { type KpiReport, type KpiTeamReport, kpiKeys } from './kpi.contracts.js';

let t: TestApp;
let head: Session;
let headRu: Session;
let hr: Session;
let ann: Session;
let senior: TestUser;
let annUser: TestUser;
let bob: TestUser;
const Q1 = 'from=2026-01-01&to=2026-03-31';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await db.execute(sql`UPDATE company SET currency = 'RUB', time_zone = 'Europe/Moscow'`);
  senior = await makeUser(db, { role: 'senior_kam', name: 'Sam Senior' });
  annUser = await makeUser(db, { role: 'kam', name: 'Анна Ли', managerId: senior.id });
  bob = await makeUser(db, { role: 'kam', name: '=Bob Roe' });
  head = await signedIn(t.app, await makeUser(db, { role: 'head', name: 'Helen Head' }));
  headRu = await signedIn(t.app, await makeUser(db, { role: 'head', name: 'Ирина Главная', locale: 'ru' }));
  hr = await signedIn(t.app, await makeUser(db, { role: 'hr' }));
  ann = await signedIn(t.app, annUser);

  const goods = await makeProduct(db, { unitCost: '60' });
  const service = await makeProduct(db, { type: 'service', unitCost: '0' });
  const a1 = (await makeAccount(db, { ownerId: annUser.id, name: 'Северный ветер' })).id;
  const a2 = (await makeAccount(db, { ownerId: bob.id, name: 'Baltic Retail' })).id;
  const a3 = (await makeAccount(db, { ownerId: senior.id, name: 'Volga Trade' })).id;
  await addLine(db, { accountId: a1, productId: goods.id, date: '2025-12-05', quantity: '10', unitPrice: '100', unitCost: '60' });
  const sold = await addLine(db, {
    accountId: a1,
    productId: goods.id,
    date: '2026-02-10',
    quantity: '12.5',
    unitPrice: '1234.5678',
    unitCost: '60',
    discountPct: '7.5',
  });
  await addReturn(db, { ...sold, date: '2026-03-02', quantity: '1.25' });
  await addLine(db, { accountId: a1, productId: service.id, date: '2026-03-15', quantity: '1', unitPrice: '999.99', unitCost: '0' });
  await addLine(db, { accountId: a2, productId: goods.id, date: '2026-01-20', quantity: '3', unitPrice: '333.33', unitCost: '60' });
  await addLine(db, { accountId: a3, productId: goods.id, date: '2026-03-31', quantity: '7', unitPrice: '150', unitCost: '60' });
  for (const m of ['2026-01', '2026-02', '2026-03']) await setTarget(db, annUser.id, m, '5000.00');
});
afterAll(() => t.close());

async function workbookOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** The figures sheet as figure label → value. */
function figuresSheet(wb: ExcelJS.Workbook): Map<string, unknown> {
  const sheet = wb.worksheets[0]!;
  const out = new Map<string, unknown>();
  sheet.eachRow((row) => {
    const label = row.getCell(2).value;
    if (typeof label === 'string') out.set(label, row.getCell(3).value);
  });
  return out;
}

describe('KPI exports', () => {
  it('a department workbook holds exactly the figures of GET /api/kpi, in the reader’s language, and is audited', async () => {
    const report = (await headRu.get(`/api/kpi?${Q1}`)).json<KpiReport>();
    expect(report.total.revenue).not.toBe(0);
    const res = await headRu.get(`/api/kpi/export?format=xlsx&${Q1}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('kpi-2026-01-01-2026-03-31.xlsx');
    const wb = await workbookOf(res.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual([kpiExportRu.sheetFigures, kpiExportRu.sheetPeople]);

    const figures = figuresSheet(wb);
    for (const k of kpiKeys) expect(figures.get(kpiExportRu.figures[k]), k).toBe(report.total[k]);
    expect(wb.worksheets[0]!.getCell('B2').value).toBe(kpiExportRu.department);
    expect(wb.worksheets[0]!.getCell('B3').value).toBe('01.01.2026 – 31.03.2026');

    const people = wb.worksheets[1]!;
    const header = (people.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual([kpiExportRu.name, kpiExportRu.email, kpiExportRu.figures.start_base]);
    expect(people.rowCount - 1).toBe(report.managers.length);
    for (const [i, m] of report.managers.entries()) {
      expect(people.getRow(i + 2).getCell(2).value).toBe(m.manager);
      for (const [j, k] of kpiKeys.entries()) expect(people.getRow(i + 2).getCell(j + 3).value ?? null, `${m.name}: ${k}`).toBe(m[k]);
    }
    // a name a spreadsheet would run as a formula stays text
    expect(people.getColumn(1).values).toContain("'=Bob Roe");

    const { rows } = await t.database.db.execute<{ after: Record<string, unknown> }>(
      sql`SELECT after FROM audit_log WHERE action = 'kpi.export' ORDER BY at DESC LIMIT 1`,
    );
    expect(rows[0]?.after).toMatchObject({ format: 'xlsx', from: '2026-01-01', to: '2026-03-31', lang: 'ru', lead: null, manager: null });
  });

  it('a team PDF shows the team’s figures and each member, formatted in the reader’s language', async () => {
    const lead = encodeURIComponent(senior.email);
    const team = (await head.get(`/api/kpi/team?${Q1}&lead=${lead}`)).json<KpiTeamReport>();
    const res = await head.get(`/api/kpi/export?format=pdf&${Q1}&lead=${lead}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    // the test reader loses its way after the first ligature ("fi" in "fulfilment"): read what comes before
    const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Team of Sam Senior');
    expect(text).toContain('Jan 1, 2026 – Mar 31, 2026');
    const money = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'RUB',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
    });
    expect(text).toContain(`${kpiExportEn.figures.revenue}${money.format(team.team.revenue ?? 0)}`);

    const ru = pdfText((await headRu.get(`/api/kpi/export?format=pdf&${Q1}&lead=${lead}`)).rawPayload).replace(/\s+/g, ' ');
    const rub = (v: number | null) =>
      new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 })
        .format(v ?? 0)
        .replace(/\s/g, ' ');
    expect(ru).toContain('Команда: Sam Senior');
    expect(ru).toContain('01.01.2026 – 31.03.2026');
    expect(ru).toContain(`${kpiExportRu.figures.revenue}${rub(team.team.revenue)}`);
    expect(ru).toContain(kpiExportRu.members);
    for (const m of team.members) {
      expect(ru).toContain(m.name);
      expect(ru).toContain(rub(m.revenue));
    }
  });

  it('follows the report’s access: a KAM exports only their own figures, HR every manager’s', async () => {
    expect((await ann.get(`/api/kpi/export?format=xlsx&${Q1}&manager=${encodeURIComponent(annUser.email)}`)).statusCode).toBe(200);
    expect((await ann.get(`/api/kpi/export?format=xlsx&${Q1}&manager=${encodeURIComponent(bob.email)}`)).statusCode).toBe(404);
    expect((await ann.get(`/api/kpi/export?format=pdf&${Q1}&lead=${encodeURIComponent(senior.email)}`)).statusCode).toBe(404);
    expect((await hr.get(`/api/kpi/export?format=pdf&${Q1}`)).statusCode).toBe(200);
    const both = await head.get(`/api/kpi/export?format=pdf&${Q1}&lead=a@b.c&manager=a@b.c`);
    expect(both.statusCode).toBe(400);
  });
});
