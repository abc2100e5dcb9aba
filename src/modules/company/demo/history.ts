import type { TeamRole } from '../../accounts/accounts.contracts.js';
import { FROM_THE_BEGINNING } from '../../accounts/ownership.js';
import { type DemoAccount, dayBetween, ownerOn } from './accounts.js';
import type { Builder } from './model.js';
import type { Rng } from './random.js';
import { fill, handoverNotes, lostReasons, shortName, tierReasons } from './texts.js';

/** The people around a key account besides its owner (B2). */
export interface AccountTeam {
  junior: string | null;
  support: string | null;
  department: string | null;
}

const salesManagers = ['andrey', 'yulia'];
const seniors = ['anna', 'dmitry', 'sarah'];
const ref = (b: Builder, key: string) => ({ id: b.user(key).id, name: b.user(key).name });

/** The senior a person reports to, or the head for a senior. */
export function seniorOf(b: Builder, key: string): string {
  return seniors.includes(key) ? 'head' : (b.user(key).managerKey ?? 'head');
}

/**
 * The account's story on the timeline and in the ownership history: created, classified, handed over,
 * at risk or lost; and the account team of key accounts. Answers the teams.
 */
export function buildHistory(
  b: Builder,
  accounts: DemoAccount[],
  lostTo: Map<string, { id: string; name: string }>,
): Map<string, AccountTeam> {
  const teams = new Map<string, AccountTeam>();
  for (const a of accounts) {
    const rng = a.rng.fork('history');
    created(b, a);
    handover(b, rng, a);
    tier(b, rng, a);
    status(b, rng, a, lostTo.get(a.id));
    teams.set(a.id, team(b, rng, a));
  }
  return teams;
}

function created(b: Builder, a: DemoAccount) {
  const { cal } = b;
  const first = a.previousOwnerKey ?? a.ownerKey;
  const fromTheStart = cal.offsetOf(a.createdDay) <= -500;
  b.rows.owners.push({
    accountId: a.id,
    ownerId: b.user(first).id,
    startDate: fromTheStart ? FROM_THE_BEGINNING : a.createdDay,
    origin: 'app',
    createdBy: b.user(first).id,
    createdAt: a.row.createdAt as Date,
  });
  b.event(a.id, 'account.created', a.row.createdAt as Date, first, { ownerId: b.user(first).id });
}

function handover(b: Builder, rng: Rng, a: DemoAccount) {
  const { cal } = b;
  if (a.previousOwnerKey && a.handoverDay) {
    const from = a.previousOwnerKey;
    const kind = salesManagers.includes(from)
      ? 'fromSales'
      : seniors.includes(a.ownerKey) && !seniors.includes(from)
        ? 'toSenior'
        : seniors.includes(from)
          ? 'fromSenior'
          : 'between';
    const note = fill(handoverNotes[a.lang][kind], { from: b.user(from).name, n: rng.int(24, 95) });
    const at = cal.at(cal.workday(cal.offsetOf(a.handoverDay) - rng.int(1, 6)), rng.int(10, 17), rng.int(0, 59));
    b.rows.owners.push({
      accountId: a.id,
      ownerId: b.user(a.ownerKey).id,
      startDate: a.handoverDay,
      origin: 'handover',
      note,
      createdBy: b.user('head').id,
      createdAt: at,
    });
    b.event(a.id, 'ownership.changed', at, 'head', { from: ref(b, from), to: ref(b, a.ownerKey), startDate: a.handoverDay, note });
  }
  if (a.upcoming) {
    const { toKey, day } = a.upcoming;
    const note = fill(handoverNotes[a.lang].upcoming, {
      from: b.user(a.ownerKey).name,
      to: b.user(toKey).name,
      date: cal.short(day, a.lang),
    });
    const at = cal.at(cal.workday(-rng.int(1, 3)), rng.int(10, 17), rng.int(0, 59));
    b.rows.owners.push({
      accountId: a.id,
      ownerId: b.user(toKey).id,
      startDate: day,
      origin: 'handover',
      note,
      createdBy: b.user('head').id,
      createdAt: at,
    });
    b.event(a.id, 'ownership.changed', at, 'head', { from: ref(b, a.ownerKey), to: ref(b, toKey), startDate: day, note });
  }
}

/** Key accounts were classified at the roll-out or promoted since; many potential ones too. */
function tier(b: Builder, rng: Rng, a: DemoAccount) {
  const { cal } = b;
  if (a.tier === 'regular') return;
  let day: string;
  let from: 'regular' | 'potential' = 'regular';
  let reason: string;
  if (a.handoverDay) {
    day = cal.workday(cal.offsetOf(a.handoverDay) - rng.int(7, 15));
    from = a.tier === 'key' && rng.chance(0.6) ? 'potential' : 'regular';
    reason = fill(rng.pick(tierReasons[a.lang][a.tier]), { n: rng.int(30, 120) });
  } else if (a.tier === 'key' && rng.chance(0.6)) {
    day = cal.workday(cal.offsetOf(a.createdDay) + rng.int(1, 6));
    const year = Number(a.createdDay.slice(0, 4)) - 1;
    reason =
      a.lang === 'ru'
        ? `Ключевой клиент по итогам ${year} года (классификация при переходе в Grove).`
        : `Key account by its ${year} results (classified when we moved to Grove).`;
  } else if (a.tier === 'key' || rng.chance(0.5)) {
    day = dayBetween(rng, cal, cal.day(cal.offsetOf(a.createdDay) + 60), cal.day(-45));
    from = a.tier === 'key' ? 'potential' : 'regular';
    reason = fill(rng.pick(tierReasons[a.lang][a.tier]), { n: rng.int(30, 120) });
  } else return;
  if (a.status === 'prospect') day = dayBetween(rng, cal, a.createdDay, cal.day(-1));
  b.event(a.id, 'tier.changed', cal.at(day, rng.int(10, 18), rng.int(0, 59)), 'head', { from, to: a.tier, reason });
}

function status(b: Builder, rng: Rng, a: DemoAccount, winner: { name: string } | undefined) {
  const { cal } = b;
  if (!a.statusDay) return;
  const at = cal.at(a.statusDay, rng.int(10, 18), rng.int(0, 59));
  const actor = ownerOn(a, a.statusDay);
  if (a.status === 'at_risk') {
    b.event(a.id, 'status.changed', at, actor, { from: 'active', to: 'at_risk', lostReason: null, lostDate: null });
    return;
  }
  const reason = fill(rng.pick(lostReasons[a.lang]), { competitor: winner ? shortName(winner.name, a.lang) : '—' });
  a.row.lostReason = reason;
  b.event(a.id, 'status.changed', at, actor, {
    from: rng.chance(0.5) ? 'at_risk' : 'active',
    to: 'lost',
    lostReason: reason,
    lostDate: a.statusDay,
  });
}

const departmentsFor: Record<string, readonly string[]> = {
  retail: ['artem', 'irina', 'roman'],
  pharma: ['victoria', 'irina'],
  ecom: ['irina', 'artem'],
  wholesale: ['artem', 'victoria'],
  horeca: ['lucy', 'roman'],
  export: ['lucy', 'artem'],
};

/** Key accounts have a junior KAM, sales support and often a department contact; some potential ones have support. */
function team(b: Builder, rng: Rng, a: DemoAccount): AccountTeam {
  const none: AccountTeam = { junior: null, support: null, department: null };
  if (a.status === 'lost' || (a.tier !== 'key' && !a.flags.has('plan'))) return none;
  const senior = seniorOf(b, a.ownerKey);
  const support = senior === 'anna' ? 'svetlana' : senior === 'sarah' ? 'nikita' : rng.pick(['svetlana', 'nikita']);
  if (a.tier !== 'key') {
    addTeam(b, rng, a, { ...none, support });
    return { ...none, support };
  }
  const teamOf = seniors.includes(a.ownerKey) ? a.ownerKey : senior;
  const kams = ['maria', 'alexey', 'olga', 'sergey', 'natalia', 'ivan', 'james', 'ekaterina', 'tom'].filter(
    (k) => b.user(k).managerKey === teamOf && k !== a.ownerKey && k !== a.previousOwnerKey,
  );
  const toSenior = a.previousOwnerKey && seniors.includes(a.ownerKey) && !salesManagers.includes(a.previousOwnerKey);
  const junior = toSenior ? a.previousOwnerKey : a.flags.has('showcase') && a.ownerKey === 'anna' ? 'maria' : rng.pick(kams);
  const department = a.flags.has('showcase') || rng.chance(0.5) ? rng.pick(departmentsFor[a.segment.family] ?? ['artem']) : null;
  const t = { junior, support, department };
  addTeam(b, rng, a, t);
  return t;
}

function addTeam(b: Builder, rng: Rng, a: DemoAccount, t: AccountTeam) {
  const { cal } = b;
  const members: [string, TeamRole][] = [];
  if (t.junior) members.push([t.junior, 'junior_kam']);
  if (t.support) members.push([t.support, 'sales_support']);
  if (t.department) members.push([t.department, 'department_contact']);
  const day = a.handoverDay
    ? cal.workday(cal.offsetOf(a.handoverDay) + rng.int(0, 5))
    : cal.workday(cal.offsetOf(a.createdDay) + rng.int(2, 25));
  const at = cal.at(day, rng.int(10, 18), rng.int(0, 59));
  for (const [key, role] of members) b.rows.team.push({ accountId: a.id, userId: b.user(key).id, role, addedAt: at });
  b.event(a.id, 'team.changed', at, ownerOn(a, day), {
    added: members.map(([key, role]) => ({ ...ref(b, key), role })),
    removed: [],
    changed: [],
  });
}
