import { type DemoAccount, dayBetween, ownerOn } from './accounts.js';
import { laterDay } from './calendar.js';
import type { AccountTeam } from './history.js';
import type { Builder } from './model.js';
import type { Rng } from './random.js';
import type { Stakeholder } from './stakeholders.js';
import { fill, riskNotes, shortName, workNotes } from './texts.js';
import type { Lang } from './names.js';

/**
 * Notes on the timeline: the key accounts' day-to-day (the latest one around the last contact), a few
 * on other accounts, and what the owner wrote when an account went at risk.
 */
export function buildNotes(
  b: Builder,
  accounts: DemoAccount[],
  people: Map<string, Stakeholder[]>,
  teams: Map<string, AccountTeam>,
  rivals: Map<string, string>,
): void {
  const { cal } = b;
  for (const a of accounts) {
    const rng = a.rng.fork('notes');
    const contacts = people.get(a.id) ?? [];
    const team = teams.get(a.id);
    const count = a.flags.has('showcase')
      ? 7
      : a.tier === 'key'
        ? rng.int(3, 5)
        : a.tier === 'potential'
          ? rng.int(1, 2)
          : rng.chance(0.25)
            ? 1
            : 0;
    const pool = rng.sample(workNotes[a.lang], count);
    const end = a.status === 'lost' ? a.statusDay! : (a.lastContactDay ?? cal.day(-1));
    pool.forEach((template, i) => {
      // the newest note is from the last contact; the others spread over the months before it
      const day = i === 0 ? end : dayBetween(rng, cal, laterDay(a.createdDay, cal.day(-200)), end);
      const author = team?.junior && rng.chance(0.3) && ownerOn(a, day) === a.ownerKey ? team.junior : ownerOn(a, day);
      b.event(a.id, 'note.added', cal.at(day, rng.int(9, 19), rng.int(0, 59)), author, {
        body: text(rng, a.lang, template, contacts, rivals.get(a.id)),
      });
    });
    if (a.status === 'at_risk' && a.statusDay) {
      const day = cal.workday(cal.offsetOf(a.statusDay) + rng.int(0, 2));
      b.event(a.id, 'note.added', cal.at(day < cal.today ? day : a.statusDay, 18, rng.int(0, 59)), ownerOn(a, a.statusDay), {
        body: text(rng, a.lang, rng.pick(riskNotes[a.lang]), contacts, rivals.get(a.id)),
      });
    }
  }
}

function text(rng: Rng, lang: Lang, template: string, contacts: Stakeholder[], rival: string | undefined): string {
  const talking = contacts.filter((c) => ['category', 'commercial', 'buyer'].includes(c.slot));
  const names = (talking.length ? talking : contacts).map((c) => c.name);
  const contact = names.length ? rng.pick(names) : '—';
  const fulfilment = /плана {n}|fulfilment {n}/.test(template);
  return fill(template, {
    contact,
    competitor: shortName(rival ?? 'Меркурий Дистрибуция (Mercury Distribution)', lang),
    n: fulfilment ? rng.int(94, 112) : rng.int(8, 25),
  });
}
