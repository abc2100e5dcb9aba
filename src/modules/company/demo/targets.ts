import { splitUnits } from '../../targets/targets.split.js';
import type { DemoAccount } from './accounts.js';
import type { Sales } from './commerce.js';
import type { Days, OwnerBook } from './ledger.js';
import type { Builder } from './model.js';
import type { Rng } from './random.js';

/**
 * The department's monthly plans from the first month of the history to the end of this year, each
 * rounded to 100 000 roubles and split among the KAMs and senior KAMs in whole thousands (largest
 * remainder, so the parts add up to the department's plan exactly). Past plans were set so that the
 * department made 92–105 % of them and each manager roughly 85–110 %; this month's and the coming
 * months' plans are last year's sales of the same month plus growth.
 */
export function buildTargets(b: Builder, days: Days, owners: OwnerBook, accounts: DemoAccount[], sales: Sales, rng: Rng): void {
  const { cal, rows } = b;
  const members = b.people.filter((p) => p.role === 'kam' || p.role === 'senior_kam').map((p) => p.id);
  const thisMonth = cal.today.slice(0, 7);
  const lastMonth = `${cal.today.slice(0, 4)}-12`;
  const revenue = (owner: string, month: string) => sales.byOwnerMonth.get(owner)?.get(month) ?? 0;

  for (let month = days.month(days.first); month <= lastMonth; month = nextMonth(month)) {
    const first = `${month}-01`;
    let weights: number[];
    let department: number;
    if (month < thisMonth) {
      weights = members.map((m) => revenue(m, month) * (0.93 + rng.next() * 0.14));
      department = members.reduce((s, m) => s + revenue(m, month), 0) / (0.92 + rng.next() * 0.13);
    } else {
      // last year's sales of the same month by the clients each manager owns on the first of the month
      const before = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
      const projected = new Map<string, number>();
      for (const a of accounts) {
        if (a.status === 'lost' || a.flags.has('quiet')) continue;
        const owner = owners.on(a.id, first);
        const base = sales.byAccountMonth.get(a.id)?.get(before) ?? 0;
        if (owner) projected.set(owner, (projected.get(owner) ?? 0) + base * 1.1);
      }
      weights = members.map((m) => projected.get(m) ?? 0);
      department = weights.reduce((s, w) => s + w, 0) * (1 + rng.next() * 0.05);
    }
    const hundredK = Math.round(department / 100_000);
    if (hundredK <= 0) continue;
    const parts = splitUnits(
      BigInt(hundredK * 100),
      weights.map((w) => BigInt(Math.round(w))),
    );
    const active = members.map((m) => activeOn(owners, accounts, sales, days, m, first));
    const fresh = members.map(() => (rng.chance(0.25) ? 1 : 0));
    rows.departmentTargets.push({
      month: first,
      revenueTarget: `${hundredK * 100_000}.00`,
      activeClientsTarget: active.reduce((s, n) => s + n, 0),
      newClientsTarget: fresh.reduce((s: number, n) => s + n, 0),
    });
    members.forEach((userId, i) => {
      if (weights[i]! <= 0) return;
      rows.managerTargets.push({
        userId,
        month: first,
        revenueTarget: `${parts[i]! * 1000n}.00`,
        activeClientsTarget: active[i]!,
        newClientsTarget: fresh[i]!,
      });
    });
  }
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** the clients a manager owns on a day that ordered in the two months before it (and are not lost) */
function activeOn(owners: OwnerBook, accounts: DemoAccount[], sales: Sales, days: Days, userId: string, day: string): number {
  const o = days.cal.offsetOf(day);
  let n = 0;
  for (const a of accounts) {
    const span = sales.span.get(a.id);
    if (span && span.first <= o && span.last >= Math.min(o, -1) - 60 && owners.on(a.id, day) === userId) n++;
  }
  return n;
}
