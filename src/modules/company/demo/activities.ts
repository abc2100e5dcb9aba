import type { ComplaintSeverity } from '../../complaints/complaints.contracts.js';
import type { interactionTypes } from '../../interactions/interactions.contracts.js';
import type { DemoAccount } from './accounts.js';
import { complaintCategories, monthNames, outcomes, subjects } from './activity-texts.js';
import type { Sales } from './commerce.js';
import type { AccountTeam } from './history.js';
import type { Days, OwnerBook } from './ledger.js';
import type { Builder } from './model.js';
import type { Rng } from './random.js';
import { fill } from './texts.js';

type InteractionType = (typeof interactionTypes)[number];

/**
 * The KAMs' meetings, visits, calls, presentations, negotiations, trainings and e-mails with their
 * clients over the history (the latest one is the account's last contact; those before the roll-out of
 * Grove came from the old CRM), a few cancelled, and the ones planned for the coming weeks; and the
 * complaints the customer service desk took from the clients while they ordered.
 */
export function buildActivities(
  b: Builder,
  days: Days,
  owners: OwnerBook,
  accounts: DemoAccount[],
  teams: Map<string, AccountTeam>,
  sales: Sales,
): void {
  let imported = 0;
  for (const a of accounts) {
    const rng = a.rng.fork('interactions');
    imported = interactions(b, days, owners, rng, a, teams.get(a.id), imported);
  }
  complaints(b, days, accounts, sales);
}

const mix: Record<'export' | 'other', readonly [InteractionType, number][]> = {
  export: [
    ['call', 30],
    ['email', 28],
    ['meeting', 10],
    ['visit', 3],
    ['presentation', 8],
    ['negotiation', 14],
    ['training', 2],
  ],
  other: [
    ['call', 34],
    ['email', 15],
    ['meeting', 17],
    ['visit', 14],
    ['presentation', 7],
    ['negotiation', 8],
    ['training', 5],
  ],
};

function subjectOf(rng: Rng, a: DemoAccount, type: InteractionType, day: string): string {
  const month = Number(day.slice(5, 7));
  const year = day.slice(0, 4);
  const q = Math.ceil(month / 3);
  return fill(rng.pick(subjects[a.lang][type]), {
    month: monthNames[a.lang][month - 1]!,
    year,
    quarter: a.lang === 'ru' ? `${q} кв. ${year}` : `Q${q} ${year}`,
  });
}

function interactions(
  b: Builder,
  days: Days,
  owners: OwnerBook,
  rng: Rng,
  a: DemoAccount,
  team: AccountTeam | undefined,
  importedSoFar: number,
): number {
  const { cal, rows } = b;
  let imported = importedSoFar;
  const created = cal.offsetOf(a.createdDay);
  const start = created <= -500 ? days.first : created;
  const gap: [number, number] =
    a.status === 'prospect' ? [6, 15] : a.tier === 'key' ? [5, 10] : a.tier === 'potential' ? [12, 22] : [25, 50];
  const types = a.segment.family === 'export' ? mix.export : mix.other;
  const canTrain = a.tier !== 'regular';
  const junior = team?.junior ? b.user(team.junior).id : null;
  const currentOwner = b.user(a.ownerKey).id;
  const userOn = (day: string) => {
    const owner = owners.on(a.id, day) ?? currentOwner;
    return junior && owner === currentOwner && rng.chance(0.2) ? junior : owner;
  };

  if (a.lastContactDay && a.row.lastContactAt) {
    const last = cal.offsetOf(a.lastContactDay);
    for (let o = last, first = true; o >= Math.min(start, last); first = false) {
      const day = days.day(o);
      let type = rng.weighted(types);
      if (type === 'training' && !canTrain) type = 'call';
      const cancelled = !first && rng.chance(0.04) && type !== 'email';
      const at = first ? (a.row.lastContactAt as Date) : cal.at(day, rng.int(9, 18), rng.pick([0, 15, 30, 45]));
      rows.interactions.push({
        id: rng.uuid(),
        externalId: o < created ? `CRM-${String(++imported).padStart(6, '0')}` : null,
        accountId: a.id,
        userId: userOn(day),
        type,
        status: cancelled ? 'cancelled' : 'done',
        occurredAt: at,
        subject: subjectOf(rng, a, type, day),
        outcome: cancelled
          ? a.lang === 'ru'
            ? 'Клиент перенёс, новую дату согласуем.'
            : 'Postponed by the client.'
          : rng.chance(0.4)
            ? rng.pick(outcomes[a.lang])
            : null,
        createdAt: at,
        updatedAt: at,
      });
      o = days.workdayUpTo(o - rng.int(gap[0], gap[1]));
    }
  }

  // what is in the calendar for the coming weeks
  if (a.status === 'lost') return imported;
  const planned =
    a.status === 'at_risk'
      ? 2
      : a.tier === 'key'
        ? rng.int(2, 4)
        : a.tier === 'potential' || a.status === 'prospect'
          ? rng.int(1, 2)
          : rng.chance(0.3)
            ? 1
            : 0;
  for (let i = 0; i < planned; i++) {
    const o = days.workdayFrom(rng.int(1, 35));
    const day = days.day(o);
    let type = a.status === 'at_risk' && i === 0 ? 'negotiation' : rng.weighted(types);
    if (type === 'email') type = 'call';
    if (type === 'training' && !canTrain) type = 'meeting';
    const at = cal.moment(day, rng.int(10, 17), rng.pick([0, 30]));
    const made = cal.at(cal.workday(-rng.int(0, 10)), rng.int(9, 18), rng.int(0, 59));
    rows.interactions.push({
      id: rng.uuid(),
      externalId: null,
      accountId: a.id,
      userId: owners.on(a.id, day) ?? currentOwner,
      type,
      status: 'planned',
      occurredAt: at,
      subject: subjectOf(rng, a, type, day),
      outcome: null,
      createdAt: made,
      updatedAt: made,
    });
  }
  return imported;
}

const severities: readonly [ComplaintSeverity, number][] = [
  ['low', 25],
  ['normal', 50],
  ['high', 20],
  ['critical', 5],
];

/** minutes to the first answer, by severity */
const responseMinutes: Record<ComplaintSeverity, [number, number]> = {
  critical: [10, 60],
  high: [20, 180],
  normal: [30, 360],
  low: [60, 480],
};

/** About one complaint per key account a quarter, fewer from the others, while they order. */
function complaints(b: Builder, days: Days, accounts: DemoAccount[], sales: Sales) {
  const { cal, rows } = b;
  const list: (typeof rows.complaints)[number][] = [];
  for (const a of accounts) {
    const span = sales.span.get(a.id);
    if (!span) continue;
    const rng = a.rng.fork('complaints');
    const rate = a.tier === 'key' ? 1 : a.tier === 'potential' ? 0.35 : 0.12;
    const to = Math.min(-1, span.last + 20);
    const count = Math.round(((rate * (to - span.first)) / 91) * (0.75 + rng.next() * 0.5));
    for (let i = 0; i < count; i++) {
      const o = days.workdayIn(rng.int.bind(rng), span.first + 1, to);
      if (o > -1) continue;
      const day = days.day(o);
      const severity = rng.weighted(severities);
      const hour = rng.int(9, 17);
      const minute = rng.int(0, 59);
      const receivedAt = cal.at(day, hour, minute);
      const [lo, hi] = responseMinutes[severity];
      let answer = hour * 60 + minute + rng.int(lo, hi);
      let answerDay = o;
      if (answer > 18 * 60) {
        // after hours: first thing the next working morning
        answerDay = days.workdayFrom(o + 1);
        answer = 9 * 60 + rng.int(0, 50);
      }
      const firstResponseAt = answerDay <= -1 ? cal.at(days.day(answerDay), Math.floor(answer / 60), answer % 60) : null;
      const resolveDay = days.workdayFrom(o + (severity === 'critical' ? rng.int(0, 2) : rng.int(1, 10)));
      const resolved = firstResponseAt && resolveDay <= -1;
      const resolvedAt = resolved
        ? new Date(Math.max(firstResponseAt.getTime() + 3_600_000, cal.at(days.day(resolveDay), rng.int(10, 18), rng.int(0, 59)).getTime()))
        : null;
      list.push({
        id: rng.uuid(),
        externalId: null,
        accountId: a.id,
        receivedAt,
        firstResponseAt,
        resolvedAt,
        severity,
        justified: resolved ? rng.chance(0.58) : rng.chance(0.3) ? true : null,
        category: rng.weighted(complaintCategories),
        createdAt: receivedAt,
        updatedAt: resolvedAt ?? firstResponseAt ?? receivedAt,
      });
    }
  }
  list.sort((x, y) => (x.receivedAt as Date).getTime() - (y.receivedAt as Date).getTime());
  const perYear = new Map<string, number>();
  for (const c of list) {
    const year = (c.receivedAt as Date).toISOString().slice(0, 4);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    c.externalId = `SD-${year}-${String(n).padStart(4, '0')}`;
  }
  rows.complaints.push(...list);
}
