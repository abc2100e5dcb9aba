import type { AccountStatus, AccountTier } from '../../accounts/accounts.contracts.js';
import type { accounts } from '../../accounts/accounts.schema.js';
import type { Calendar, Day } from './calendar.js';
import { catalogue, domains } from './catalogue.js';
import { address, type City, type CityKey, cities, inn } from './geo.js';
import type { DemoRows } from './model.js';
import { type Lang, officePhone, transliterate } from './names.js';
import type { Rng } from './random.js';
import { type Segment, type SegmentKey, segments } from './segments.js';
import { fill, prospectSources, prospectSteps, sourcesOfNewClients } from './texts.js';

/** One client of the demo as the other builders see it while they add their parts. */
export interface DemoAccount {
  id: string;
  name: string;
  lang: Lang;
  flags: ReadonlySet<string>;
  segment: Segment;
  segmentKey: SegmentKey;
  city: City;
  /** today's owner, and who had the account before a hand-over (null: nobody else) */
  ownerKey: string;
  previousOwnerKey: string | null;
  /** the day of the hand-over to today's owner, and of one planned for the future */
  handoverDay: Day | null;
  upcoming: { toKey: string; day: Day } | null;
  tier: AccountTier;
  status: AccountStatus;
  createdDay: Day;
  /** when it went at risk or was lost */
  statusDay: Day | null;
  lastContactDay: Day | null;
  domain: string | null;
  rng: Rng;
  row: typeof accounts.$inferInsert;
}

const flagValue = (flags: ReadonlySet<string>, name: string) =>
  [...flags].find((f) => f.startsWith(`${name}:`))?.slice(name.length + 1) ?? null;

function domainOf(name: string, legalName: string, lang: Lang): string | null {
  if (domains[name]) return domains[name];
  if (legalName.startsWith('ИП ')) return null;
  const slug = transliterate(name)
    .replace(/[«»"№+]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug}.${lang === 'ru' ? 'ru' : 'com'}`;
}

/** Thousands of roubles in the account's currency, rounded as a finance department would. */
function creditLimit(rng: Rng, thousandsRub: number, currency: City['currency']): string {
  if (currency === 'RUB') return `${Math.max(100, Math.round(thousandsRub / 50) * 50) * 1000}.00`;
  const rate = currency === 'EUR' ? 100 : 92;
  const amount = Math.max(5, Math.round(thousandsRub / rate / 5) * 5) * 1000;
  return `${amount + (rng.chance(0.2) ? 2500 : 0)}.00`;
}

/** The day a client was entered: most at the roll-out a year and a half ago, some since. */
function createdDayOf(rng: Rng, cal: Calendar, status: AccountStatus, flags: ReadonlySet<string>): Day {
  if (status === 'prospect') return cal.workday(-rng.int(12, 200));
  // leads of the last months who placed their first order in the last full or the current quarter
  if (flags.has('new-last') || flags.has('new-now')) return cal.workday(cal.offsetOf(cal.quarterStart(1)) - rng.int(20, 90));
  // key, handed-over, lost and at-risk clients have a long history with us
  const longStanding = flags.has('key') || status !== 'active' || [...flags].some((f) => f.startsWith('from:'));
  if (longStanding || rng.chance(0.82)) return cal.workday(-545 + rng.int(0, 30));
  return cal.workday(-rng.int(150, 480));
}

/** The accounts with their fields, owners' keys and the days their stories hang on. */
export function buildAccounts(root: Rng, cal: Calendar, rows: DemoRows): DemoAccount[] {
  const list: DemoAccount[] = [];
  for (const [ownerKey, lines] of Object.entries(catalogue)) {
    for (const [name, legalName, segmentKey, cityKey, flagText] of lines) {
      const rng = root.fork(`account:${name}`);
      const flags = new Set(flagText.split(' ').filter(Boolean));
      const city: City = cities[cityKey as CityKey];
      const segment: Segment = segments[segmentKey];
      const lang: Lang = city.lang;
      const status: AccountStatus = flags.has('prospect')
        ? 'prospect'
        : flags.has('lost')
          ? 'lost'
          : flags.has('risk')
            ? 'at_risk'
            : 'active';
      const tier: AccountTier = flags.has('key') ? 'key' : flags.has('pot') ? 'potential' : 'regular';
      const createdDay = createdDayOf(rng, cal, status, flags);
      const previousOwnerKey = flagValue(flags, 'from');
      // the showcase accounts have been with today's owner for more than a year
      const handoverDay = !previousOwnerKey
        ? null
        : flags.has('showcase')
          ? cal.workday(-rng.int(400, 440))
          : cal.workday(-rng.int(30, Math.min(480, -cal.offsetOf(createdDay) - 40)));
      const upcomingTo = flagValue(flags, 'upcoming');
      const statusDay = status === 'lost' ? lostDayOf(rng, cal, flags) : status === 'at_risk' ? cal.workday(-rng.int(12, 70)) : null;
      const lastContactDay = lastContactOf(rng, cal, tier, status, statusDay);
      const domain = domainOf(name, legalName, lang);
      const prospect = status === 'prospect';
      const scale = tier === 'key' ? rng.int(30, 60) / 10 : tier === 'potential' ? rng.int(14, 26) / 10 : rng.int(3, 12) / 10;
      const isNew = !prospect && cal.offsetOf(createdDay) > -500;

      const row: typeof accounts.$inferInsert = {
        id: rng.uuid(),
        name,
        legalName,
        registrationNo: city.registration ? city.registration(rng) : inn(rng, city.innRegion ?? '78'),
        tier,
        status,
        ownerId: null,
        channel: segment.channel,
        segment: segment.segment,
        industry: segment.industry,
        region: city.region,
        city: city.city,
        address: address(rng, city),
        website: domain && rng.chance(0.85) ? domain : null,
        phone: officePhone(rng, city.dial),
        currency: city.currency,
        creditLimit: prospect ? null : creditLimit(rng, segment.creditK * scale, city.currency),
        paymentTermsDays: prospect ? null : tier === 'key' ? Math.max(...segment.terms) : rng.pick(segment.terms),
        priceColumn: prospect ? null : tier === 'key' ? segment.prices[1] : segment.prices[0],
        source: prospect
          ? fill(rng.pick(prospectSources[lang]), { year: createdDay.slice(0, 4) })
          : isNew
            ? fill(rng.pick(sourcesOfNewClients[lang]), { year: createdDay.slice(0, 4) })
            : null,
        nextStep: prospect ? rng.pick(prospectSteps[lang])(cal.short(cal.workday(rng.int(3, 20)), lang)) : null,
        lostDate: status === 'lost' ? statusDay : null,
        lastContactAt: lastContactDay ? cal.at(lastContactDay, rng.int(9, 18), rng.pick([0, 15, 30, 45])) : null,
        createdAt: cal.at(createdDay, rng.int(9, 17), rng.int(0, 59)),
      };
      const account: DemoAccount = {
        id: row.id!,
        name,
        lang,
        flags,
        segment,
        segmentKey,
        city,
        ownerKey,
        previousOwnerKey,
        handoverDay,
        upcoming: upcomingTo ? { toKey: upcomingTo, day: cal.firstOfNextMonth() } : null,
        tier,
        status,
        createdDay,
        statusDay,
        lastContactDay,
        domain,
        rng,
        row,
      };
      list.push(account);
      rows.accounts.push(row);
    }
  }
  numberAccounts(root.fork('external-ids'), list);
  return list;
}

/**
 * The day a client was lost: those flagged in the current or the last full quarter (so that the KPI
 * reports of both show a loss), the others before the current quarter, in the past year.
 */
function lostDayOf(rng: Rng, cal: Calendar, flags: ReadonlySet<string>): Day {
  const current = cal.quarterStart(0);
  if (flags.has('lost-now')) return current < cal.day(-1) ? dayBetween(rng, cal, current, cal.day(-1)) : cal.today;
  if (flags.has('lost-last')) return dayBetween(rng, cal, cal.quarterStart(1), cal.day(cal.offsetOf(current) - 1));
  return cal.workday(-rng.int(Math.max(25, 1 - cal.offsetOf(current)), 320));
}

function lastContactOf(rng: Rng, cal: Calendar, tier: AccountTier, status: AccountStatus, statusDay: Day | null): Day | null {
  if (status === 'lost') return cal.day(cal.offsetOf(statusDay!) - rng.int(4, 40));
  // the last conversation is the one in which the client's trouble came up
  if (status === 'at_risk') return cal.workday(Math.min(cal.offsetOf(statusDay!) + rng.int(0, 10), -1));
  if (status === 'prospect') return cal.workday(-rng.int(0, 21));
  if (tier === 'key') return cal.workday(-rng.int(0, 12));
  if (tier === 'potential') return cal.workday(-rng.int(1, 35));
  if (rng.chance(0.1)) return null;
  return cal.workday(-rng.int(2, 80));
}

/**
 * External ids as the ERP numbered the clients over the years (with the gaps of clients not in the
 * demo); prospects are not in the ERP yet.
 */
function numberAccounts(rng: Rng, list: DemoAccount[]) {
  let n = 0;
  for (const a of rng.shuffle(list.filter((x) => x.status !== 'prospect'))) {
    n += rng.int(1, 7);
    a.row.externalId = `NW-${String(n).padStart(4, '0')}`;
  }
}

/** Who owned the account on a day (before its hand-over: the previous owner). */
export function ownerOn(a: DemoAccount, day: Day): string {
  return a.previousOwnerKey && a.handoverDay && day < a.handoverDay ? a.previousOwnerKey : a.ownerKey;
}

/** A day between two others (both included), for events that happened in that stretch. */
export function dayBetween(rng: Rng, cal: Calendar, from: Day, to: Day): Day {
  const a = cal.offsetOf(from);
  const b = Math.max(a, cal.offsetOf(to));
  const day = cal.workday(rng.int(a, b));
  return day < from ? from : day;
}
