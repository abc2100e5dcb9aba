import type { ThreatLevel } from '../../competitors/competitors.contracts.js';
import { type DemoAccount, dayBetween, ownerOn } from './accounts.js';
import type { Builder } from './model.js';
import type { Rng } from './random.js';
import type { Family } from './segments.js';
import { fill } from './texts.js';

interface CompetitorSeed {
  key: string;
  name: string;
  website: string;
  strengths: string;
  weaknesses: string;
  notes: string | null;
}

/** The rivals the department meets, named as people say them in both languages. */
const catalogue: CompetitorSeed[] = [
  {
    key: 'arctica',
    name: 'Арктика Трейд (Arctica Trade)',
    website: 'arctica-trade.ru',
    strengths: 'Собственный РЦ в Шушарах, доставка в магазины Северо-Запада дважды в день. Сильные позиции в сетях Санкт-Петербурга.',
    weaknesses: 'Жёсткие условия по отсрочке для новых клиентов, слабый ассортимент импортных брендов.',
    notes: 'Главный конкурент на Северо-Западе. Активно переманивает категорийных менеджеров сетей.',
  },
  {
    key: 'prodalliance',
    name: 'ПродАльянс (ProdAlliance)',
    website: 'prodalliance.ru',
    strengths: 'Самые низкие цены на базовый ассортимент (бакалея, напитки) в Центральном регионе.',
    weaknesses: 'Нестабильные поставки, частые недовозы; нет промо-поддержки.',
    notes: null,
  },
  {
    key: 'mercury',
    name: 'Меркурий Дистрибуция (Mercury Distribution)',
    website: 'mercury-distribution.ru',
    strengths: 'Эксклюзивные контракты с тремя импортными брендами снеков, федеральный охват, сильный маркетинг.',
    weaknesses: 'Дорогие: цены выше наших на 5–7%; долго согласовывают нестандартные условия.',
    notes: 'Работает с федеральными сетями через тендеры.',
  },
  {
    key: 'volga',
    name: 'Волга Фудс (Volga Foods)',
    website: 'volgafoods.ru',
    strengths: 'Гибкие условия и быстрые решения, склады в Нижнем Новгороде, Казани и Самаре.',
    weaknesses: 'Узкий ассортимент, почти нет присутствия за пределами Поволжья.',
    notes: null,
  },
  {
    key: 'ural',
    name: 'Урал-Дистрибьюшн (Ural Distribution)',
    website: 'ural-distribution.ru',
    strengths: 'Логистика по Уралу и Западной Сибири, собственный автопарк.',
    weaknesses: 'Слабая работа с категорийными менеджерами, нет электронного документооборота.',
    notes: null,
  },
  {
    key: 'eurosnab',
    name: 'ЕвроСнаб HoReCa (EuroSnab HoReCa)',
    website: 'eurosnab-horeca.ru',
    strengths: 'Специализация на ресторанах и отелях: кофе, соусы, заморозка; свои бренд-шефы проводят обучение.',
    weaknesses: 'Мало работает с розницей; минимальный заказ от 30 000 ₽.',
    notes: 'Сильны в Москве и Санкт-Петербурге.',
  },
  {
    key: 'pharm',
    name: 'Фармкомплект (Pharmkomplekt)',
    website: 'pharmkomplekt.ru',
    strengths: 'Полный аптечный ассортимент в одной поставке, включая лекарственные препараты.',
    weaknesses: 'Парафармация и детское питание для них второстепенны, мало промо.',
    notes: null,
  },
  {
    key: 'gulfstream',
    name: 'Гольфстрим (Gulfstream Trading)',
    website: 'gulfstream-trading.com',
    strengths: 'Консолидированные контейнеры из России в страны СНГ и Персидского залива, свой таможенный брокер.',
    weaknesses: 'Сроки поставки 4–6 недель; не работает с небольшими клиентами.',
    notes: 'Exports Russian FMCG brands to the Gulf, the Caucasus and Central Asia.',
  },
];

const northWest = [
  'Санкт-Петербург',
  'Ленинградская область',
  'Республика Карелия',
  'Мурманская область',
  'Архангельская область',
  'Вологодская область',
  'Калининградская область',
  'Новгородская область',
  'Псковская область',
];
const volga = ['Нижегородская область', 'Республика Татарстан', 'Самарская область'];
const urals = [
  'Свердловская область',
  'Челябинская область',
  'Пермский край',
  'Республика Башкортостан',
  'Тюменская область',
  'Новосибирская область',
  'Омская область',
];

/** Who competes with us for this client. */
function mainRival(a: DemoAccount): string {
  const family: Family = a.segment.family;
  if (family === 'pharma') return 'pharm';
  if (family === 'horeca') return 'eurosnab';
  if (family === 'export') return 'gulfstream';
  if (a.segmentKey === 'fed' || family === 'ecom') return 'mercury';
  const region = a.city.region;
  if (northWest.includes(region)) return 'arctica';
  if (volga.includes(region)) return 'volga';
  if (urals.includes(region)) return 'ural';
  return 'prodalliance';
}

const products: Record<Family, Record<'ru' | 'en', readonly string[]>> = {
  retail: {
    ru: ['Соки и нектары, снеки, кондитерские изделия', 'Питьевая вода, чай, кофе', 'Бакалея и консервация под СТМ сети'],
    en: ['Juices, snacks, confectionery'],
  },
  pharma: {
    ru: ['Детское питание, диетические продукты', 'Функциональные напитки, протеиновые батончики'],
    en: ['Baby food, diet products'],
  },
  horeca: {
    ru: ['Кофе в зёрнах, сиропы, соки в стекле 0,25 л', 'Замороженная выпечка, соусы, молочная продукция'],
    en: ['Coffee beans, syrups, juices in glass'],
  },
  ecom: { ru: ['Снеки, напитки, готовые завтраки', 'Полезные перекусы и напитки без сахара'], en: ['Snacks, drinks, breakfast cereals'] },
  wholesale: { ru: ['Бакалея, консервы, напитки — полный ассортимент', 'Напитки и снеки крупным оптом'], en: ['Full grocery range'] },
  export: {
    ru: ['Кондитерские изделия, снеки, соки', 'Консервация и бакалея российских брендов'],
    en: ['Russian confectionery, snacks and juices', 'Canned goods and grocery'],
  },
};

/** What KAMs note about a rival's prices, by how they compare with ours. */
const priceNotes: Record<'cheaper' | 'level' | 'dearer', Record<'ru' | 'en', readonly string[]>> = {
  cheaper: {
    ru: [
      'Цены ниже нашей колонки «{price}» на {d}%, ретро-бонус 3% за выполнение квартального плана.',
      'Дешевле нас на {d}% на базовый ассортимент, плюс агрессивное промо: −20% на полке дважды в квартал.',
    ],
    en: ['About {d}% below our «{price}» prices, plus a 3% year-end rebate.'],
  },
  level: {
    ru: ['Цены на уровне наших, но дают мерчандайзеров в каждый магазин.', 'Цены как у нас, но отсрочка 60 дней против наших {terms}.'],
    en: ['Prices like ours, but they offer 60-day terms and free delivery to the warehouse.'],
  },
  dearer: {
    ru: ['Дороже нас на {d}%, но держатся за счёт эксклюзивных импортных брендов и маркетингового бюджета.'],
    en: ['About {d}% dearer than us, but with exclusive imported brands and a marketing budget.'],
  },
};

/** Each rival's price level against ours, % (90 = 10 % cheaper). */
const priceLevels: Record<string, [number, number]> = {
  arctica: [93, 97],
  prodalliance: [88, 93],
  mercury: [104, 108],
  volga: [94, 98],
  ural: [96, 100],
  eurosnab: [98, 103],
  pharm: [97, 101],
  gulfstream: [94, 99],
};

const presenceNotes: Record<'ru' | 'en', readonly string[]> = {
  ru: [
    'Информация от закупщика, подтверждена прайсом, который показали на встрече.',
    'Сильные позиции у категорийного менеджера: совместные поездки на производство.',
    'Заходят через промо-акции, на полке видим их продукцию рядом с нашей.',
  ],
  en: ['Confirmed by the price list the buyer showed us.', 'Strong with the category manager; joint factory visits.'],
};

interface Presence {
  account: DemoAccount;
  competitorKey: string;
  threat: ThreatLevel;
  share: number;
  day: string;
  raisedDay: string | null;
}

export interface Rivals {
  /** the competitor that won each lost account */
  lostTo: Map<string, { id: string; name: string }>;
  /** the main competitor at each account where one is recorded, by name */
  main: Map<string, string>;
}

/** The competitors' catalogue and where they are met. */
export function buildCompetitors(b: Builder, root: Rng, accounts: DemoAccount[]): Rivals {
  const ids = new Map<string, { id: string; name: string }>();
  const catalogueRng = root.fork('competitors');
  for (const c of catalogue) {
    const id = catalogueRng.uuid();
    const at = b.cal.at(b.cal.workday(-530 + catalogueRng.int(0, 60)), 11, catalogueRng.int(0, 59));
    b.rows.competitors.push({
      id,
      name: c.name,
      website: c.website,
      strengths: c.strengths,
      weaknesses: c.weaknesses,
      notes: c.notes,
      createdBy: b.user('head').id,
      createdAt: at,
      updatedAt: at,
    });
    ids.set(c.key, { id, name: c.name });
  }

  const rivals: Rivals = { lostTo: new Map(), main: new Map() };
  for (const a of accounts) {
    const rng = a.rng.fork('competitors');
    const list = presenceOf(a, rng, b);
    for (const p of list) record(b, rng, p, ids.get(p.competitorKey)!);
    const main = list[0] && ids.get(list[0].competitorKey)!;
    if (!main) continue;
    rivals.main.set(a.id, main.name);
    if (a.status === 'lost') {
      rivals.lostTo.set(a.id, main);
      a.row.lostToCompetitorId = main.id;
    }
  }
  return rivals;
}

function presenceOf(a: DemoAccount, rng: Rng, b: Builder): Presence[] {
  const { cal } = b;
  const high = a.flags.has('rival-high') || a.status === 'lost' || (a.status === 'at_risk' && a.flags.has('rival'));
  if (!high && !a.flags.has('rival')) return [];
  const main = mainRival(a);
  const since = dayBetween(rng, cal, cal.day(cal.offsetOf(a.createdDay) + 20), a.statusDay ?? cal.day(-30));
  const list: Presence[] = [
    {
      account: a,
      competitorKey: main,
      threat: high ? 'high' : a.tier === 'key' ? rng.pick(['medium', 'low', 'medium']) : rng.pick(['low', 'medium']),
      share: a.status === 'lost' ? rng.int(60, 90) : high ? rng.int(30, 50) : rng.int(10, 30),
      day: since,
      raisedDay: high && a.status !== 'lost' ? dayBetween(rng, cal, since, a.statusDay ?? cal.day(-5)) : null,
    },
  ];
  if (a.tier === 'key' && main !== 'mercury' && a.segment.family === 'retail' && rng.chance(0.6))
    list.push({
      account: a,
      competitorKey: 'mercury',
      threat: 'low',
      share: rng.int(5, 12),
      day: dayBetween(rng, cal, since, cal.day(-10)),
      raisedDay: null,
    });
  return list;
}

function record(b: Builder, rng: Rng, p: Presence, competitor: { id: string; name: string }) {
  const { cal } = b;
  const a = p.account;
  const lang = a.lang;
  const lastDay = p.account.status === 'lost' ? a.statusDay! : (p.raisedDay ?? p.day);
  const observed = dayBetween(rng, cal, lastDay, a.status === 'lost' ? a.statusDay! : cal.day(-2));
  const [low, high] = priceLevels[p.competitorKey] ?? [95, 100];
  const index = rng.int(low, high);
  const level = index < 97 ? 'cheaper' : index > 102 ? 'dearer' : 'level';
  const actorAt = (day: string) => ownerOn(a, day);
  const createdAt = cal.at(p.day, rng.int(10, 18), rng.int(0, 59));
  const updatedAt = p.raisedDay ? cal.at(p.raisedDay, rng.int(10, 18), rng.int(0, 59)) : createdAt;
  b.rows.presence.push({
    id: rng.uuid(),
    accountId: a.id,
    competitorId: competitor.id,
    shareOfWallet: p.share,
    products: rng.pick(products[a.segment.family][lang]),
    priceNotes: fill(rng.pick(priceNotes[level][lang]), {
      d: Math.abs(100 - index),
      price: a.row.priceColumn ?? a.segment.prices[0],
      terms: `${a.row.paymentTermsDays ?? 30} дней`,
    }),
    priceIndex: index,
    threat: p.threat,
    lastObserved: observed,
    notes: rng.chance(0.6) ? rng.pick(presenceNotes[lang]) : null,
    createdAt,
    updatedAt,
    updatedBy: b.user(actorAt(p.raisedDay ?? p.day)).id,
  });
  const firstThreat: ThreatLevel = p.raisedDay ? 'medium' : p.threat;
  b.event(a.id, 'competitor.presence', createdAt, actorAt(p.day), { name: competitor.name, threat: firstThreat, action: 'added' });
  if (p.raisedDay)
    b.event(a.id, 'competitor.presence', updatedAt, actorAt(p.raisedDay), {
      name: competitor.name,
      threat: p.threat,
      action: 'changed',
      previousThreat: 'medium',
    });
}
