import type { products } from '../../products/products.schema.js';
import type { Calendar } from './calendar.js';
import type { Rng } from './random.js';
import type { Family } from './segments.js';

/**
 * What Northwind sells: groceries, drinks and confectionery by the case, baby and functional food for
 * pharmacies, and services around the deliveries. Russian brands under Russian names, imports and the
 * export desk's services under English ones, as the ERP keeps them. Prices are today's list prices in
 * roubles per unit; they rose every January (PRICE_RISE).
 */

/** Who buys it: r retail, p pharmacies, e e-commerce, w wholesale, h HoReCa, x export. */
type Buyers = string;

/**
 * How a service is billed: with every order (delivery), once a month (merchandising, rental), or now
 * and then (training, design, audits).
 */
export type ServiceRhythm = 'order' | 'month' | 'once';

interface ProductSeed {
  sku: string;
  name: string;
  category: string;
  unit: string;
  cost: number;
  price: number;
  buyers: Buyers;
  /** days before the demo's today it was launched (null: sold all along) */
  launched?: number;
  /** only ordered in the weeks before New Year */
  seasonal?: boolean;
  /** how much of an order it takes, relative to the others */
  weight?: number;
  rhythm?: ServiceRhythm;
}

const goods: ProductSeed[] = [
  {
    sku: 'NW-J001',
    name: 'Сок яблочный «Северный сад» 1 л ×12',
    category: 'Соки и нектары',
    unit: 'кор.',
    cost: 980,
    price: 1290,
    buyers: 'rewx',
    weight: 3,
  },
  {
    sku: 'NW-J002',
    name: 'Сок апельсиновый «Северный сад» 1 л ×12',
    category: 'Соки и нектары',
    unit: 'кор.',
    cost: 1080,
    price: 1420,
    buyers: 'rewx',
    weight: 3,
  },
  {
    sku: 'NW-J003',
    name: 'Нектар вишнёвый «Северный сад» 1 л ×12',
    category: 'Соки и нектары',
    unit: 'кор.',
    cost: 1020,
    price: 1350,
    buyers: 'rewx',
    weight: 2,
  },
  {
    sku: 'NW-J004',
    name: 'Сок томатный «Огородник» 1 л ×12',
    category: 'Соки и нектары',
    unit: 'кор.',
    cost: 890,
    price: 1180,
    buyers: 'rwx',
  },
  {
    sku: 'NW-J005',
    name: 'Nordic Berry Juice 0.25 L glass ×24',
    category: 'Соки и нектары',
    unit: 'case',
    cost: 1560,
    price: 2160,
    buyers: 'hxr',
    weight: 2,
  },
  {
    sku: 'NW-J006',
    name: 'Морс клюквенный «Северный сад» 0,3 л ×12',
    category: 'Соки и нектары',
    unit: 'кор.',
    cost: 620,
    price: 860,
    buyers: 'reh',
    launched: 150,
  },
  {
    sku: 'NW-W001',
    name: 'Вода питьевая «Ладожская» 0,5 л ×12',
    category: 'Вода и напитки',
    unit: 'кор.',
    cost: 290,
    price: 420,
    buyers: 'rewhp',
    weight: 3,
  },
  {
    sku: 'NW-W002',
    name: 'Вода минеральная «Ладожская» газ. 1,5 л ×6',
    category: 'Вода и напитки',
    unit: 'кор.',
    cost: 310,
    price: 450,
    buyers: 'rew',
    weight: 2,
  },
  { sku: 'NW-W003', name: 'Лимонад «Дюшес» 0,5 л ×12', category: 'Вода и напитки', unit: 'кор.', cost: 480, price: 690, buyers: 'rewh' },
  {
    sku: 'NW-W004',
    name: 'Cold Brew Tea Lemon 0.33 L ×12',
    category: 'Вода и напитки',
    unit: 'case',
    cost: 720,
    price: 1040,
    buyers: 'rehx',
    launched: 300,
  },
  {
    sku: 'NW-W005',
    name: 'Энергетический напиток «Вольт» 0,45 л ×24',
    category: 'Вода и напитки',
    unit: 'кор.',
    cost: 1290,
    price: 1790,
    buyers: 'rew',
    weight: 2,
  },
  {
    sku: 'NW-T001',
    name: 'Чай чёрный «Байкальский» 100 пак. ×12',
    category: 'Чай и кофе',
    unit: 'кор.',
    cost: 1680,
    price: 2290,
    buyers: 'rewx',
    weight: 2,
  },
  {
    sku: 'NW-T002',
    name: 'Чай зелёный «Байкальский» 25 пак. ×24',
    category: 'Чай и кофе',
    unit: 'кор.',
    cost: 1130,
    price: 1560,
    buyers: 'rew',
  },
  {
    sku: 'NW-T003',
    name: 'Earl Grey Royal tea 100 bags ×12',
    category: 'Чай и кофе',
    unit: 'case',
    cost: 2340,
    price: 3190,
    buyers: 'hxr',
  },
  {
    sku: 'NW-C001',
    name: 'Кофе в зёрнах «Милано Эспрессо» 1 кг ×6',
    category: 'Чай и кофе',
    unit: 'кор.',
    cost: 6900,
    price: 8900,
    buyers: 'hx',
    weight: 3,
  },
  {
    sku: 'NW-C002',
    name: 'Кофе молотый «Милано Классико» 250 г ×12',
    category: 'Чай и кофе',
    unit: 'кор.',
    cost: 3150,
    price: 4290,
    buyers: 'rew',
    weight: 2,
  },
  {
    sku: 'NW-C003',
    name: 'Кофе растворимый «Утро» 95 г ×12',
    category: 'Чай и кофе',
    unit: 'кор.',
    cost: 2560,
    price: 3450,
    buyers: 'rewx',
    weight: 2,
  },
  {
    sku: 'NW-C004',
    name: 'Milano Lungo coffee capsules 10 pcs ×12',
    category: 'Чай и кофе',
    unit: 'case',
    cost: 2880,
    price: 3960,
    buyers: 'reh',
    launched: 240,
  },
  {
    sku: 'NW-C005',
    name: 'Сироп «Бариста» ваниль 1 л ×6',
    category: 'Чай и кофе',
    unit: 'кор.',
    cost: 1490,
    price: 2190,
    buyers: 'h',
    weight: 2,
  },
  {
    sku: 'NW-S001',
    name: 'Чипсы «Хрустов» сметана и зелень 140 г ×16',
    category: 'Снеки',
    unit: 'кор.',
    cost: 1050,
    price: 1450,
    buyers: 'rewx',
    weight: 3,
  },
  {
    sku: 'NW-S002',
    name: 'Чипсы «Хрустов» паприка 140 г ×16',
    category: 'Снеки',
    unit: 'кор.',
    cost: 1050,
    price: 1450,
    buyers: 'rewx',
    weight: 2,
  },
  { sku: 'NW-S003', name: 'Сухарики «Хрустов» ржаные 80 г ×30', category: 'Снеки', unit: 'кор.', cost: 690, price: 990, buyers: 'rew' },
  {
    sku: 'NW-S004',
    name: 'Орехи «Лесной урожай» ассорти 150 г ×12',
    category: 'Снеки',
    unit: 'кор.',
    cost: 1980,
    price: 2790,
    buyers: 'rehx',
  },
  {
    sku: 'NW-S005',
    name: 'Протеиновый батончик «Фитбар» 40 г ×24',
    category: 'Снеки',
    unit: 'кор.',
    cost: 1460,
    price: 2090,
    buyers: 'per',
  },
  {
    sku: 'NW-S006',
    name: 'Garden Mix veggie crisps 90 g ×12',
    category: 'Снеки',
    unit: 'case',
    cost: 980,
    price: 1420,
    buyers: 're',
    launched: 90,
  },
  { sku: 'NW-S007', name: 'Попкорн «Киношный» солёный 100 г ×20', category: 'Снеки', unit: 'кор.', cost: 760, price: 1090, buyers: 're' },
  {
    sku: 'NW-K001',
    name: 'Шоколад «Полярная ночь» горький 90 г ×20',
    category: 'Кондитерские изделия',
    unit: 'кор.',
    cost: 1540,
    price: 2160,
    buyers: 'rewx',
    weight: 2,
  },
  {
    sku: 'NW-K002',
    name: 'Конфеты «Белые ночи» ассорти 200 г ×10',
    category: 'Кондитерские изделия',
    unit: 'кор.',
    cost: 1690,
    price: 2390,
    buyers: 'rewx',
    weight: 2,
  },
  {
    sku: 'NW-K003',
    name: 'Печенье «Овсяное утро» 300 г ×14',
    category: 'Кондитерские изделия',
    unit: 'кор.',
    cost: 830,
    price: 1180,
    buyers: 'rew',
  },
  {
    sku: 'NW-K004',
    name: 'Вафли «Артек-Норд» 250 г ×18',
    category: 'Кондитерские изделия',
    unit: 'кор.',
    cost: 990,
    price: 1390,
    buyers: 'rwx',
  },
  {
    sku: 'NW-K005',
    name: 'Пряники тульские 350 г ×12',
    category: 'Кондитерские изделия',
    unit: 'кор.',
    cost: 910,
    price: 1290,
    buyers: 'rwx',
  },
  {
    sku: 'NW-K006',
    name: 'Подарочный набор «Снегурочка» 800 г ×8',
    category: 'Кондитерские изделия',
    unit: 'кор.',
    cost: 3920,
    price: 5590,
    buyers: 'rwxe',
    seasonal: true,
    weight: 4,
  },
  {
    sku: 'NW-K007',
    name: 'Зефир «Белёвский» без сахара 150 г ×12',
    category: 'Кондитерские изделия',
    unit: 'кор.',
    cost: 1280,
    price: 1820,
    buyers: 'rep',
    launched: 200,
  },
  {
    sku: 'NW-B001',
    name: 'Макароны «Италика» спагетти 450 г ×20',
    category: 'Бакалея',
    unit: 'кор.',
    cost: 880,
    price: 1190,
    buyers: 'rwxh',
    weight: 2,
  },
  { sku: 'NW-B002', name: 'Рис «Кубань» длиннозёрный 900 г ×12', category: 'Бакалея', unit: 'кор.', cost: 950, price: 1290, buyers: 'rwx' },
  {
    sku: 'NW-B003',
    name: 'Гречка ядрица «Алтайская» 900 г ×12',
    category: 'Бакалея',
    unit: 'кор.',
    cost: 1020,
    price: 1390,
    buyers: 'rwex',
    weight: 2,
  },
  {
    sku: 'NW-B004',
    name: 'Масло подсолнечное «Золотая нива» 1 л ×15',
    category: 'Бакалея',
    unit: 'кор.',
    cost: 1490,
    price: 1940,
    buyers: 'rwxh',
    weight: 2,
  },
  { sku: 'NW-B005', name: 'Овсяные хлопья «Геркулес» 500 г ×16', category: 'Бакалея', unit: 'кор.', cost: 760, price: 1040, buyers: 'rwe' },
  { sku: 'NW-B006', name: 'Nordic Oats granola 350 g ×10', category: 'Бакалея', unit: 'case', cost: 1490, price: 2090, buyers: 'erh' },
  {
    sku: 'NW-G001',
    name: 'Горошек зелёный «Огородник» 400 г ×24',
    category: 'Консервация',
    unit: 'кор.',
    cost: 1340,
    price: 1790,
    buyers: 'rwx',
  },
  {
    sku: 'NW-G002',
    name: 'Кукуруза сладкая «Огородник» 340 г ×24',
    category: 'Консервация',
    unit: 'кор.',
    cost: 1390,
    price: 1850,
    buyers: 'rwx',
  },
  {
    sku: 'NW-G003',
    name: 'Тушёнка говяжья «Главпродукт» 325 г ×24',
    category: 'Консервация',
    unit: 'кор.',
    cost: 4680,
    price: 6120,
    buyers: 'rwx',
    weight: 2,
  },
  {
    sku: 'NW-G004',
    name: 'Шпроты «Балтийская жемчужина» 160 г ×30',
    category: 'Консервация',
    unit: 'кор.',
    cost: 2860,
    price: 3790,
    buyers: 'rwx',
  },
  { sku: 'NW-D001', name: 'Кетчуп «Томатито» 350 г ×20', category: 'Соусы', unit: 'кор.', cost: 1190, price: 1620, buyers: 'rweh' },
  {
    sku: 'NW-D002',
    name: 'Майонез «Провансаль Премиум» 400 мл ×18',
    category: 'Соусы',
    unit: 'кор.',
    cost: 1340,
    price: 1790,
    buyers: 'rwe',
  },
  {
    sku: 'NW-D003',
    name: "Chef's Barbecue sauce 1 kg ×6",
    category: 'Соусы',
    unit: 'case',
    cost: 1380,
    price: 1960,
    buyers: 'h',
    weight: 2,
  },
  {
    sku: 'NW-F001',
    name: 'Круассан с маслом замороженный 70 г ×60',
    category: 'Замороженная выпечка',
    unit: 'кор.',
    cost: 1890,
    price: 2690,
    buyers: 'h',
    weight: 3,
  },
  {
    sku: 'NW-F002',
    name: 'Блины с творогом замороженные 360 г ×12',
    category: 'Замороженная выпечка',
    unit: 'кор.',
    cost: 1240,
    price: 1690,
    buyers: 'reh',
  },
  {
    sku: 'NW-P001',
    name: 'Каша детская «Малышок» гречневая 200 г ×12',
    category: 'Детское питание',
    unit: 'кор.',
    cost: 1390,
    price: 1890,
    buyers: 'pre',
    weight: 3,
  },
  {
    sku: 'NW-P002',
    name: 'Пюре фруктовое «Малышок» 90 г ×24',
    category: 'Детское питание',
    unit: 'кор.',
    cost: 1180,
    price: 1620,
    buyers: 'pre',
    weight: 3,
  },
  {
    sku: 'NW-P003',
    name: 'Витаминный напиток «Витамакс» 0,5 л ×12',
    category: 'Функциональное питание',
    unit: 'кор.',
    cost: 890,
    price: 1290,
    buyers: 'pre',
    weight: 2,
  },
  {
    sku: 'NW-P004',
    name: 'Смесь молочная «Малышок 1» 350 г ×12',
    category: 'Детское питание',
    unit: 'кор.',
    cost: 4870,
    price: 6390,
    buyers: 'p',
    weight: 3,
  },
  {
    sku: 'NW-P005',
    name: 'Мюсли-батончик без сахара «Фитбар» 25 г ×30',
    category: 'Функциональное питание',
    unit: 'кор.',
    cost: 1110,
    price: 1590,
    buyers: 'pe',
    launched: 120,
  },
];

const services: ProductSeed[] = [
  {
    sku: 'NW-SV01',
    name: 'Доставка до распределительного центра',
    category: 'Услуги',
    unit: 'рейс',
    cost: 3600,
    price: 4500,
    buyers: 'rwp',
    rhythm: 'order',
  },
  {
    sku: 'NW-SV02',
    name: 'Экспресс-доставка в заведения до 10:00',
    category: 'Услуги',
    unit: 'рейс',
    cost: 1900,
    price: 2500,
    buyers: 'he',
    rhythm: 'order',
  },
  {
    sku: 'NW-SV03',
    name: 'Мерчандайзинг, пакет на 10 магазинов (месяц)',
    category: 'Услуги',
    unit: 'мес.',
    cost: 29000,
    price: 38000,
    buyers: 'rp',
    rhythm: 'month',
  },
  {
    sku: 'NW-SV04',
    name: 'Обучение персонала выкладке',
    category: 'Услуги',
    unit: 'тренинг',
    cost: 26000,
    price: 45000,
    buyers: 'rpe',
    rhythm: 'once',
  },
  {
    sku: 'NW-SV05',
    name: 'Barista training session',
    category: 'Услуги',
    unit: 'session',
    cost: 18000,
    price: 32000,
    buyers: 'h',
    rhythm: 'once',
  },
  {
    sku: 'NW-SV06',
    name: 'Дизайн POS-материалов',
    category: 'Услуги',
    unit: 'проект',
    cost: 30000,
    price: 55000,
    buyers: 'rpeh',
    rhythm: 'once',
  },
  {
    sku: 'NW-SV07',
    name: 'Дизайн подарочной упаковки под бренд клиента',
    category: 'Услуги',
    unit: 'проект',
    cost: 47000,
    price: 85000,
    buyers: 'rwx',
    rhythm: 'once',
    launched: 400,
  },
  {
    sku: 'NW-SV08',
    name: 'Аренда брендированного холодильника (месяц)',
    category: 'Услуги',
    unit: 'шт.·мес.',
    cost: 1500,
    price: 3500,
    buyers: 'hr',
    rhythm: 'month',
  },
  {
    sku: 'NW-SV09',
    name: 'Export container consolidation',
    category: 'Услуги',
    unit: 'container',
    cost: 52000,
    price: 68000,
    buyers: 'x',
    rhythm: 'order',
  },
  {
    sku: 'NW-SV10',
    name: 'Export customs clearance',
    category: 'Услуги',
    unit: 'declaration',
    cost: 15000,
    price: 24000,
    buyers: 'x',
    rhythm: 'order',
  },
  {
    sku: 'NW-SV11',
    name: 'Категорийный аудит полки',
    category: 'Услуги',
    unit: 'аудит',
    cost: 32000,
    price: 60000,
    buyers: 'rp',
    rhythm: 'once',
    launched: 270,
  },
  {
    sku: 'NW-SV12',
    name: 'Вебинар для фармацевтов',
    category: 'Услуги',
    unit: 'вебинар',
    cost: 14000,
    price: 28000,
    buyers: 'p',
    rhythm: 'once',
  },
];

const familyLetter: Record<Family, string> = { retail: 'r', pharma: 'p', ecom: 'e', wholesale: 'w', horeca: 'h', export: 'x' };

/** Prices and costs went up by this share every January. */
export const PRICE_RISE = 0.07;

export interface DemoProduct {
  id: string;
  sku: string;
  type: 'product' | 'service';
  /** the first day it could be ordered (null: all along) */
  launchDay: string | null;
  seasonal: boolean;
  weight: number;
  rhythm: ServiceRhythm | null;
  /** list price and cost in kopecks for each year of the history, by year */
  priceKop(year: number): number;
  costKop(year: number): number;
  sells(family: Family): boolean;
}

/** Whole kopecks of a price `years` price rises before today's. */
function kopecks(rub: number, years: number): number {
  return Math.round((rub * 100) / (1 + PRICE_RISE) ** years);
}

/** The catalogue as rows and as the order builder sees it. */
export function buildProducts(rng: Rng, cal: Calendar): { rows: (typeof products.$inferInsert)[]; list: DemoProduct[] } {
  const thisYear = Number(cal.today.slice(0, 4));
  const rows: (typeof products.$inferInsert)[] = [];
  const list: DemoProduct[] = [];
  for (const [type, seeds] of [
    ['product', goods],
    ['service', services],
  ] as const) {
    for (const s of seeds) {
      const id = rng.uuid();
      const launchDay = s.launched ? cal.day(-s.launched) : null;
      rows.push({
        id,
        sku: s.sku,
        name: s.name,
        type,
        category: s.category,
        unit: s.unit,
        unitCost: (kopecks(s.cost, 0) / 100).toFixed(4),
        basePrice: (kopecks(s.price, 0) / 100).toFixed(4),
        createdAt: launchDay ? cal.at(cal.workday(-s.launched! - 14), 11) : cal.at(cal.workday(-560), 10),
      });
      list.push({
        id,
        sku: s.sku,
        type,
        launchDay,
        seasonal: s.seasonal ?? false,
        weight: s.weight ?? 1,
        rhythm: s.rhythm ?? null,
        priceKop: (year) => kopecks(s.price, thisYear - year),
        costKop: (year) => kopecks(s.cost, thisYear - year),
        sells: (family) => s.buyers.includes(familyLetter[family]),
      });
    }
  }
  return { rows, list };
}
