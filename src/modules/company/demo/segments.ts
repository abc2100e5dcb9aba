import type { AccountChannel } from './model.js';

/** Which texts (stakeholder titles, plan items, notes) fit a client. */
export type Family = 'retail' | 'pharma' | 'ecom' | 'wholesale' | 'horeca' | 'export';

export interface Segment {
  segment: string;
  industry: string;
  channel: AccountChannel;
  family: Family;
  /** the price-list column of an ordinary and of a key client of this kind */
  prices: [string, string];
  /** typical credit limit of a mid-sized client, in thousands of roubles */
  creditK: number;
  terms: readonly number[];
}

/** The company's taxonomy of clients (kept in Russian: the company's reports and filters use it). */
export const segments = {
  fed: {
    segment: 'Федеральные сети',
    industry: 'Продуктовый ритейл',
    channel: 'retail',
    family: 'retail',
    prices: ['Сети-2', 'Сети-1'],
    creditK: 25000,
    terms: [45, 60],
  },
  reg: {
    segment: 'Региональные сети',
    industry: 'Продуктовый ритейл',
    channel: 'retail',
    family: 'retail',
    prices: ['Сети-2', 'Сети-1'],
    creditK: 8000,
    terms: [30, 45],
  },
  conv: {
    segment: 'Магазины у дома',
    industry: 'Продуктовый ритейл',
    channel: 'retail',
    family: 'retail',
    prices: ['Мелкий опт', 'Сети-2'],
    creditK: 1500,
    terms: [14, 21, 30],
  },
  fuel: {
    segment: 'АЗС',
    industry: 'Топливный ритейл',
    channel: 'retail',
    family: 'retail',
    prices: ['Мелкий опт', 'Сети-2'],
    creditK: 3000,
    terms: [21, 30],
  },
  travel: {
    segment: 'Travel retail',
    industry: 'Розничная торговля в аэропортах',
    channel: 'retail',
    family: 'retail',
    prices: ['Сети-2', 'Сети-1'],
    creditK: 6000,
    terms: [30, 45],
  },
  drog: {
    segment: 'Дрогери',
    industry: 'Косметика и бытовая химия',
    channel: 'retail',
    family: 'retail',
    prices: ['Сети-2', 'Сети-1'],
    creditK: 4000,
    terms: [30, 45],
  },
  pharm: {
    segment: 'Аптечные сети',
    industry: 'Фармацевтика',
    channel: 'retail',
    family: 'pharma',
    prices: ['Сети-2', 'Сети-1'],
    creditK: 5000,
    terms: [45, 60],
  },
  ecom: {
    segment: 'Электронная коммерция',
    industry: 'Интернет-торговля',
    channel: 'ecommerce',
    family: 'ecom',
    prices: ['E-com', 'E-com ключевой'],
    creditK: 6000,
    terms: [30, 45],
  },
  whs: {
    segment: 'Оптовые компании',
    industry: 'Оптовая торговля',
    channel: 'b2b',
    family: 'wholesale',
    prices: ['Опт-2', 'Опт-1'],
    creditK: 10000,
    terms: [21, 30],
  },
  rest: {
    segment: 'HoReCa',
    industry: 'Рестораны',
    channel: 'b2b',
    family: 'horeca',
    prices: ['HoReCa', 'HoReCa ключевой'],
    creditK: 1200,
    terms: [14, 21],
  },
  hotel: {
    segment: 'HoReCa',
    industry: 'Гостиничный бизнес',
    channel: 'b2b',
    family: 'horeca',
    prices: ['HoReCa', 'HoReCa ключевой'],
    creditK: 2500,
    terms: [21, 30],
  },
  catering: {
    segment: 'HoReCa',
    industry: 'Кейтеринг',
    channel: 'b2b',
    family: 'horeca',
    prices: ['HoReCa', 'HoReCa ключевой'],
    creditK: 2000,
    terms: [14, 30],
  },
  coffee: {
    segment: 'HoReCa',
    industry: 'Кофейни и пекарни',
    channel: 'b2b',
    family: 'horeca',
    prices: ['HoReCa', 'HoReCa ключевой'],
    creditK: 900,
    terms: [14, 21],
  },
  corp: {
    segment: 'Корпоративные клиенты',
    industry: 'Корпоративное питание',
    channel: 'b2b',
    family: 'horeca',
    prices: ['Мелкий опт', 'Опт-2'],
    creditK: 1500,
    terms: [14, 30],
  },
  vending: {
    segment: 'Вендинг',
    industry: 'Вендинг',
    channel: 'b2c',
    family: 'horeca',
    prices: ['Мелкий опт', 'Опт-2'],
    creditK: 700,
    terms: [7, 14],
  },
  export: {
    segment: 'Экспорт',
    industry: 'Оптовая торговля',
    channel: 'b2b',
    family: 'export',
    prices: ['Экспорт EXW', 'Экспорт DAP'],
    creditK: 9000,
    terms: [30, 45, 60],
  },
  exportRetail: {
    segment: 'Экспорт',
    industry: 'Продуктовый ритейл',
    channel: 'retail',
    family: 'export',
    prices: ['Экспорт EXW', 'Экспорт DAP'],
    creditK: 12000,
    terms: [45, 60],
  },
} satisfies Record<string, Segment>;
export type SegmentKey = keyof typeof segments;
