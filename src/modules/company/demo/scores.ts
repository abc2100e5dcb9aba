import {
  type Criterion,
  type CriterionValues,
  criteria,
  defaultThresholds,
  defaultWeights,
  hundredthsToDecimal,
  impliedTier,
  scoreHundredths,
  type Tier,
} from '../../tiering/scoring.js';
import { type DemoAccount, ownerOn } from './accounts.js';
import type { Builder } from './model.js';
import type { Lang } from './names.js';
import type { Rng } from './random.js';

/**
 * Scorecards (A2) with the app's own arithmetic and default settings. The score fits the tier, except
 * where the account's flags say the client has changed since (`promote`, `demote`): their latest
 * assessment crosses a threshold, so the head's next re-tiering run proposes a change.
 */
const comments: Record<Lang, Record<Criterion, [high: readonly string[], low: readonly string[]]>> = {
  ru: {
    revenue_loyalty: [
      ['Оборот за 12 мес. — {n} млн ₽, работаем с {year} года без перерывов.', 'Входит в топ-30 клиентов по обороту, закупает регулярно.'],
      ['Закупки нерегулярные, оборот за год менее 3 млн ₽.'],
    ],
    large_interested: [
      [
        'Одна из крупнейших сетей региона, сами инициировали расширение ассортимента.',
        'Большой объём и высокий интерес: просят ежемесячные встречи.',
      ],
      ['Небольшой объём, интерес к сотрудничеству умеренный.'],
    ],
    growth_potential: [
      ['Планируют открыть {k} магазинов в следующем году.', 'Растут быстрее рынка, расширяют полку под наши категории.'],
      ['Рост не планируется, сеть сокращает число точек.'],
    ],
    brand_authority: [
      ['Известный бренд в регионе — присутствие в сети повышает узнаваемость нашего портфеля.'],
      ['Бренд мало известен за пределами города.'],
    ],
    industry_expert: [
      ['Делятся аналитикой продаж по категориям, участвуют в совместных category review.'],
      ['Данными о продажах не делятся.'],
    ],
    early_adopter: [
      ['Первыми берут новинки в тест и дают обратную связь за 2–3 недели.'],
      ['Новинки вводят только после успеха у конкурентов.'],
    ],
    creditworthy_prospect: [['Платёжная дисциплина отличная, просрочек нет.'], ['Были просрочки до 20 дней, кредитный лимит снижен.']],
  },
  en: {
    revenue_loyalty: [['12-month revenue of {n} million, a client since {year}.'], ['Irregular orders, below 3 million a year.']],
    large_interested: [['One of the largest players in the country and keen to grow with us.'], ['Small volumes, moderate interest.']],
    growth_potential: [['Opening {k} new outlets next year.'], ['No growth planned.']],
    brand_authority: [['A well-known brand in the region.'], ['Little known outside their city.']],
    industry_expert: [['Shares category sales data and joins our category reviews.'], ['Does not share sales data.']],
    early_adopter: [['Trials new products first and gives feedback within weeks.'], ['Lists new products only after competitors do.']],
    creditworthy_prospect: [['Pays on time, no overdue invoices.'], ['Paid up to 20 days late last year.']],
  },
};

const higher: Record<Tier, Tier> = { regular: 'potential', potential: 'key', key: 'key' };
const lower: Record<Tier, Tier> = { key: 'potential', potential: 'regular', regular: 'regular' };

/** Values whose score lands in [min, max] hundredths (the app's scoring, the default weights). */
function valuesIn(rng: Rng, min: number, max: number): { values: Record<Criterion, number>; score: number } {
  const mean = (min + max) / 2 / 2000; // score = 20 × weighted mean of values
  for (let attempt = 0; attempt < 2000; attempt++) {
    const values = Object.fromEntries(
      criteria.map((c) => [c, Math.min(5, Math.max(0, Math.round(mean + (rng.next() - 0.5) * 3)))]),
    ) as Record<Criterion, number>;
    const score = scoreHundredths(defaultWeights, values)!;
    if (score >= min && score <= max) return { values, score };
  }
  throw new Error(`no criterion values score between ${min} and ${max}`);
}

const range: Record<Tier, [number, number]> = { key: [7100, 9400], potential: [4300, 6700], regular: [1500, 3700] };
/** a client that has changed sits just across the threshold it crossed */
const crossedUp: Record<Tier, [number, number]> = { key: [7000, 7600], potential: [4000, 4800], regular: [1500, 3700] };
const crossedDown: Record<Tier, [number, number]> = { key: [7100, 9400], potential: [6000, 6900], regular: [3100, 3900] };

export function buildScores(b: Builder, accounts: DemoAccount[]): void {
  const { cal } = b;
  for (const a of accounts) {
    const scored = a.tier === 'key' || a.flags.has('scored');
    if (!scored) continue;
    const rng = a.rng.fork('score');
    const target: Tier = a.flags.has('promote') ? higher[a.tier] : a.flags.has('demote') ? lower[a.tier] : a.tier;
    const firstDay = cal.workday(Math.min(Math.max(cal.offsetOf(a.createdDay) + rng.int(5, 40), -300), -3));
    const first = valuesIn(rng, ...range[a.tier]);
    let latest = { ...first, day: firstDay };
    record(b, rng, a, firstDay, null, first.values, first.score);
    if (target !== a.tier) {
      const day = cal.workday(rng.int(Math.min(Math.max(cal.offsetOf(firstDay) + 1, -40), -2), -2));
      const next = valuesIn(rng, ...(a.flags.has('promote') ? crossedUp : crossedDown)[target]);
      record(b, rng, a, day, first, next.values, next.score);
      latest = { ...next, day };
    }
    if (impliedTier(latest.score, defaultThresholds) !== target) throw new Error(`demo score of ${a.name} does not imply ${target}`);
    const at = cal.at(latest.day, rng.int(10, 18), rng.int(0, 59));
    b.rows.scorecards.push({
      accountId: a.id,
      version: target !== a.tier ? 2 : 1,
      updatedBy: b.user(ownerOn(a, latest.day)).id,
      updatedAt: at,
    });
    for (const c of criteria)
      b.rows.criteria.push({ accountId: a.id, criterion: c, value: latest.values[c], comment: commentOf(rng, a, c, latest.values[c]) });
    a.row.score = hundredthsToDecimal(latest.score);
  }
}

function record(
  b: Builder,
  rng: Rng,
  a: DemoAccount,
  day: string,
  before: { values: CriterionValues; score: number } | null,
  values: CriterionValues,
  score: number,
) {
  const changed = criteria.filter((c) => before?.values[c] !== values[c]);
  b.event(a.id, 'score.changed', b.cal.at(day, rng.int(10, 18), rng.int(0, 59)), ownerOn(a, day), {
    from: before ? Number(hundredthsToDecimal(before.score)) : null,
    to: Number(hundredthsToDecimal(score)),
    criteria: changed,
  });
}

function commentOf(rng: Rng, a: DemoAccount, c: Criterion, value: number): string | null {
  if (value === 3 || !rng.chance(0.6)) return null;
  const [high, low] = comments[a.lang][c];
  const text = rng.pick(value >= 4 ? high : low);
  return text
    .replace('{n}', String(rng.int(25, 140)))
    .replace('{k}', String(rng.int(5, 20)))
    .replace('{year}', String(rng.int(2012, 2021)));
}
