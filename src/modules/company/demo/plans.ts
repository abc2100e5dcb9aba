import { type DemoAccount, dayBetween, ownerOn } from './accounts.js';
import { type Day, earlierDay } from './calendar.js';
import type { AccountTeam } from './history.js';
import type { Builder } from './model.js';
import { planTextsEn, planTextsRu } from './plan-texts.js';
import type { Rng } from './random.js';
import { fill, shortName } from './texts.js';

/** The review interval the plans module schedules after "mark reviewed". */
const REVIEW_MONTHS_DAYS = 91;

/**
 * Account plans (A4) on most key accounts and a few potential ones: goals, needs, solutions,
 * long-term goals, SWOT and opportunities, each item on the timeline as the plans module records it.
 * A few key accounts have none, and a few reviews are overdue.
 */
export function buildPlans(b: Builder, accounts: DemoAccount[], teams: Map<string, AccountTeam>, rivals: Map<string, string>): void {
  for (const a of accounts) {
    const wanted = (a.tier === 'key' && !a.flags.has('noplan')) || a.flags.has('plan');
    if (wanted && a.status !== 'lost') plan(b, a, teams.get(a.id)!, rivals.get(a.id) ?? null);
  }
}

function plan(b: Builder, a: DemoAccount, team: AccountTeam, rival: string | null) {
  const { cal, rows } = b;
  const rng = a.rng.fork('plan');
  const texts = a.lang === 'ru' ? planTextsRu[a.segment.family] : planTextsEn;
  const rich = a.flags.has('showcase');
  const start = cal.workday(Math.min(cal.offsetOf(a.handoverDay ?? a.createdDay) + rng.int(10, 60), -60));
  const values = {
    // 5–20: «{k} магазинов» reads right in Russian
    k: rng.int(5, 20),
    n: rng.int(12, 35),
    y: rng.int(3, 9),
    year: Number(cal.today.slice(0, 4)) + 1,
    region: a.city.region,
    city: a.city.city,
    competitor: rival ? shortName(rival, a.lang) : a.lang === 'ru' ? 'Меркурий Дистрибуция' : 'Mercury Distribution',
  };
  const authors = [a.ownerKey, ...(team.junior ? [team.junior] : [])];
  let last = { at: cal.at(start, 10, 0), by: ownerOn(a, start) };
  const stamp = (day: Day, by = ownerOn(a, day)) => {
    const at = cal.at(day, rng.int(9, 18), rng.int(0, 59));
    if (at > last.at) last = { at, by };
    return { at, by };
  };
  const event = (when: { at: Date; by: string }, data: Record<string, unknown>) => b.event(a.id, 'plan.updated', when.at, when.by, data);

  // the plan was started at a planning session: the goals and most lists went in that day
  const started = stamp(start);
  event(started, { section: 'businessGoals', action: 'started' });
  /** an item added at the session or later, sometimes by the junior KAM, sometimes changed since */
  const itemDates = (section: string, title: string) => {
    // the SWOT is written once, at the session; the lists grow and change over time
    const atSession = section === 'swot' || rng.chance(0.6);
    const day = atSession ? start : dayBetween(rng, cal, start, cal.day(-3));
    const by = day === start ? started.by : a.ownerKey === ownerOn(a, day) ? rng.pick(authors) : ownerOn(a, day);
    const created = stamp(day, by);
    event(created, { section, action: 'added', title });
    let updated = created;
    if (section !== 'swot' && rng.chance(0.25)) {
      updated = stamp(dayBetween(rng, cal, day, cal.day(-1)));
      event(updated, { section, action: 'changed', title });
    }
    return { createdAt: created.at, updatedAt: updated.at, version: updated === created ? 1 : 2 };
  };

  rng.sample(texts.needs, rich ? 6 : rng.int(3, 5)).forEach(([title, detail], i) => {
    const status = rng.pick(['open', 'in_progress', 'in_progress', 'met', 'met', 'dropped'] as const);
    rows.needs.push({ id: rng.uuid(), accountId: a.id, position: i + 1, title, detail, status, ...itemDates('needs', title) });
  });
  rng.sample(texts.solutions, rich ? 4 : rng.int(2, 3)).forEach(([title, description], i) => {
    const status = rng.pick(['proposed', 'agreed', 'agreed', 'delivered'] as const);
    rows.solutions.push({ id: rng.uuid(), accountId: a.id, position: i + 1, title, description, status, ...itemDates('solutions', title) });
  });
  rng.sample(texts.longTerm, rich ? 4 : rng.int(2, 3)).forEach(([title, description], i) => {
    // one goal in five is past its deadline and not reached: the plan shows it as overdue
    const overdue = rng.chance(0.2);
    const deadline = overdue ? cal.day(-rng.int(5, 60)) : cal.day(rng.int(40, 540));
    const progress = overdue ? rng.int(4, 8) * 10 : rng.int(1, 9) * 10;
    rows.goals.push({
      id: rng.uuid(),
      accountId: a.id,
      position: i + 1,
      title,
      description,
      deadline,
      progress,
      ...itemDates('goals', title),
    });
  });
  let position = 0;
  for (const quadrant of ['strength', 'weakness', 'opportunity', 'threat'] as const)
    for (const text of rng.sample(texts.swot[quadrant], rich ? 3 : 2))
      rows.swot.push({
        id: rng.uuid(),
        accountId: a.id,
        position: ++position,
        quadrant,
        text: fill(text, values),
        ...itemDates('swot', fill(text, values)),
      });
  rng.sample(texts.opportunities, rich ? 5 : rng.int(2, 4)).forEach(([title, kind], i) => {
    const status = rng.pick(['open', 'open', 'open', 'won', 'lost'] as const);
    const close = status === 'open' ? cal.day(rng.int(10, 200)) : cal.day(-rng.int(10, 120));
    rows.opportunities.push({
      id: rng.uuid(),
      accountId: a.id,
      position: i + 1,
      title,
      kind,
      amount: amountOf(rng, a),
      probability: status === 'won' ? 100 : status === 'lost' ? 0 : rng.pick([20, 30, 40, 50, 60, 70, 80]),
      expectedCloseDate: close,
      status,
      notes: null,
      ...itemDates('opportunities', title),
    });
  });

  // reviewed every three months; a few reviews are overdue
  const overdue = a.flags.has('overdue') || rng.chance(0.18);
  const nextReviewDate = overdue ? cal.day(-rng.int(4, 40)) : cal.day(rng.int(6, 85));
  const lastReviewDay = cal.workday(cal.offsetOf(nextReviewDate) - REVIEW_MONTHS_DAYS);
  let lastReviewedAt: Date | null = null;
  let lastReviewedBy: string | null = null;
  if (lastReviewDay > start) {
    const reviewed = stamp(lastReviewDay, ownerOn(a, lastReviewDay));
    event(reviewed, { section: 'review', action: 'reviewed', nextReviewDate });
    lastReviewedAt = reviewed.at;
    lastReviewedBy = b.user(reviewed.by).id;
  } else {
    // the date was set when it was still ahead
    const setOn = dayBetween(rng, cal, start, earlierDay(nextReviewDate, cal.day(-2)));
    event(stamp(setOn), { section: 'review', action: 'changed', nextReviewDate });
  }

  rows.plans.push({
    accountId: a.id,
    businessGoals: fill(rng.pick(texts.goals), values),
    nextReviewDate,
    lastReviewedAt,
    lastReviewedBy,
    version: lastReviewedAt ? 3 : 2,
    createdAt: started.at,
    updatedAt: last.at,
    updatedBy: b.user(last.by).id,
  });
  a.row.planUpdatedAt = last.at;
}

/** An opportunity's size in the account currency, rounded as people estimate. */
function amountOf(rng: Rng, a: DemoAccount): string {
  const scale = a.tier === 'key' ? 2 : 1;
  if (a.row.currency === 'RUB') return `${rng.int(6, 60) * scale * 100_000}.00`;
  return `${rng.int(3, 30) * scale * 5_000}.00`;
}
