import type { Lang } from './names.js';
import type { Rng } from './random.js';

export interface City {
  city: string;
  region: string;
  /** "+7 812": country and area code of landlines */
  dial: string;
  /** the first two digits of a Russian INN (the tax office's region); null abroad */
  innRegion: string | null;
  /** how the country writes a registration number; null = Russian INN */
  registration: ((rng: Rng) => string) | null;
  currency: 'RUB' | 'EUR' | 'USD';
  streets: readonly string[];
  /** the address language and postcode style */
  lang: Lang;
  postcode: string;
}

const ruStreets = [
  'ул. Промышленная',
  'ул. Складская',
  'ул. Заводская',
  'пр. Мира',
  'ул. Октябрьская',
  'ул. Садовая',
  'ул. Ленина',
  'ул. Советская',
  'ш. Энтузиастов',
  'ул. Транспортная',
];
const num = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');

function ru(city: string, region: string, dial: string, innRegion: string, postcode: string, streets: string[] = ruStreets): City {
  return { city, region, dial: `+7 ${dial}`, innRegion, registration: null, currency: 'RUB', streets, lang: 'ru', postcode };
}

export const cities = {
  spb: ru('Санкт-Петербург', 'Санкт-Петербург', '812', '78', '19', [
    'ул. Заставская',
    'Московский пр.',
    'ул. Кантемировская',
    'пр. Обуховской Обороны',
    'Пулковское ш.',
    'ул. Салова',
    'Лиговский пр.',
    'Большой Сампсониевский пр.',
  ]),
  lo: ru('Всеволожск', 'Ленинградская область', '81370', '47', '188'),
  gat: ru('Гатчина', 'Ленинградская область', '81371', '47', '188'),
  vyb: ru('Выборг', 'Ленинградская область', '81378', '47', '188'),
  msk: ru('Москва', 'Москва', '495', '77', '1', [
    'ул. Верхняя Красносельская',
    'Варшавское ш.',
    'ул. Летниковская',
    'Дмитровское ш.',
    'ул. Электрозаводская',
    'Волгоградский пр.',
    'ул. Новодмитровская',
    'Ленинградский пр.',
  ]),
  mo: ru('Химки', 'Московская область', '495', '50', '141'),
  pod: ru('Подольск', 'Московская область', '4967', '50', '142'),
  kol: ru('Коломна', 'Московская область', '4966', '50', '140'),
  ptz: ru('Петрозаводск', 'Республика Карелия', '8142', '10', '185'),
  mur: ru('Мурманск', 'Мурманская область', '8152', '51', '183'),
  arh: ru('Архангельск', 'Архангельская область', '8182', '29', '163'),
  vol: ru('Вологда', 'Вологодская область', '8172', '35', '160'),
  chr: ru('Череповец', 'Вологодская область', '8202', '35', '162'),
  kgd: ru('Калининград', 'Калининградская область', '4012', '39', '236'),
  nov: ru('Великий Новгород', 'Новгородская область', '8162', '53', '173'),
  psk: ru('Псков', 'Псковская область', '8112', '60', '180'),
  yar: ru('Ярославль', 'Ярославская область', '4852', '76', '150'),
  tver: ru('Тверь', 'Тверская область', '4822', '69', '170'),
  rzn: ru('Рязань', 'Рязанская область', '4912', '62', '390'),
  tula: ru('Тула', 'Тульская область', '4872', '71', '300'),
  vrn: ru('Воронеж', 'Воронежская область', '473', '36', '394'),
  nn: ru('Нижний Новгород', 'Нижегородская область', '831', '52', '603'),
  kzn: ru('Казань', 'Республика Татарстан', '843', '16', '420'),
  sam: ru('Самара', 'Самарская область', '846', '63', '443'),
  ekb: ru('Екатеринбург', 'Свердловская область', '343', '66', '620'),
  chel: ru('Челябинск', 'Челябинская область', '351', '74', '454'),
  mag: ru('Магнитогорск', 'Челябинская область', '3519', '74', '455'),
  perm: ru('Пермь', 'Пермский край', '342', '59', '614'),
  ufa: ru('Уфа', 'Республика Башкортостан', '347', '02', '450'),
  tmn: ru('Тюмень', 'Тюменская область', '3452', '72', '625'),
  nsk: ru('Новосибирск', 'Новосибирская область', '383', '54', '630'),
  omsk: ru('Омск', 'Омская область', '3812', '55', '644'),
  minsk: {
    ...ru('Минск', 'Беларусь', '', '', '220'),
    dial: '+375 17',
    innRegion: null,
    registration: (rng) => `1${num(rng, 8)}`,
  },
  brest: { ...ru('Брест', 'Беларусь', '', '', '224'), dial: '+375 162', innRegion: null, registration: (rng) => `2${num(rng, 8)}` },
  almaty: {
    ...ru('Алматы', 'Казахстан', '', '', '050'),
    dial: '+7 727',
    innRegion: null,
    currency: 'USD',
    registration: (rng) => `${num(rng, 2)}0${rng.int(1, 9)}40${num(rng, 7)}`,
  },
  astana: {
    ...ru('Астана', 'Казахстан', '', '', '010'),
    dial: '+7 7172',
    innRegion: null,
    currency: 'USD',
    registration: (rng) => `${num(rng, 2)}0${rng.int(1, 9)}40${num(rng, 7)}`,
  },
  yerevan: {
    ...ru('Ереван', 'Армения', '', '', '00'),
    dial: '+374 10',
    innRegion: null,
    currency: 'USD',
    registration: (rng) => `0${num(rng, 7)}`,
  },
  tashkent: {
    ...ru('Ташкент', 'Узбекистан', '', '', '100'),
    dial: '+998 71',
    innRegion: null,
    currency: 'USD',
    registration: (rng) => `3${num(rng, 8)}`,
  },
  bishkek: {
    ...ru('Бишкек', 'Киргизия', '', '', '720'),
    dial: '+996 312',
    innRegion: null,
    currency: 'USD',
    registration: (rng) => `0${num(rng, 13)}`,
  },
  dubai: {
    city: 'Dubai',
    region: 'United Arab Emirates',
    dial: '+971 4',
    innRegion: null,
    registration: (rng) => `DED ${rng.int(700000, 1299999)}`,
    currency: 'USD',
    streets: ['Al Quoz Industrial Area 3', 'Jebel Ali Free Zone, South', 'Sheikh Zayed Road', 'Dubai Investments Park 2'],
    lang: 'en',
    postcode: '',
  },
  belgrade: {
    city: 'Belgrade',
    region: 'Serbia',
    dial: '+381 11',
    innRegion: null,
    registration: (rng) => `PIB ${rng.int(100000000, 113999999)}`,
    currency: 'EUR',
    streets: ['Bulevar Mihajla Pupina', 'Autoput za Novi Sad', 'Batajnički drum', 'Omladinskih brigada'],
    lang: 'en',
    postcode: '11000',
  },
  novisad: {
    city: 'Novi Sad',
    region: 'Serbia',
    dial: '+381 21',
    innRegion: null,
    registration: (rng) => `PIB ${rng.int(100000000, 113999999)}`,
    currency: 'EUR',
    streets: ['Industrijska', 'Bulevar oslobođenja', 'Sentandrejski put'],
    lang: 'en',
    postcode: '21000',
  },
  limassol: {
    city: 'Limassol',
    region: 'Cyprus',
    dial: '+357 25',
    innRegion: null,
    registration: (rng) => `HE ${rng.int(310000, 449999)}`,
    currency: 'EUR',
    streets: ['Gladstonos Street', 'Franklin Roosevelt Avenue', 'Ypsonas Industrial Area'],
    lang: 'en',
    postcode: '3041',
  },
  hamburg: {
    city: 'Hamburg',
    region: 'Germany',
    dial: '+49 40',
    innRegion: null,
    registration: (rng) => `HRB ${rng.int(100000, 179999)}`,
    currency: 'EUR',
    streets: ['Hammerbrookstraße', 'Billstraße', 'Wendenstraße', 'Am Sandtorkai'],
    lang: 'en',
    postcode: '20097',
  },
  telaviv: {
    city: 'Tel Aviv',
    region: 'Israel',
    dial: '+972 3',
    innRegion: null,
    registration: (rng) => `${rng.int(510000000, 516999999)}`,
    currency: 'USD',
    streets: ['HaMasger Street', 'Yigal Alon Street', 'HaBarzel Street'],
    lang: 'en',
    postcode: '6777001',
  },
} satisfies Record<string, City>;
export type CityKey = keyof typeof cities;

/** A valid 10-digit INN of a Russian legal entity (with its check digit). */
export function inn(rng: Rng, region: string): string {
  const body = `${region}${rng.int(0, 9)}${rng.int(1, 9)}${num(rng, 5)}`;
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return `${body}${(sum % 11) % 10}`;
}

export function address(rng: Rng, c: City): string {
  const street = rng.pick(c.streets);
  // the UAE has no postcodes: a warehouse or office in a named area
  if (c.lang === 'en' && !c.postcode) return `Warehouse ${rng.int(2, 60)}, ${street}, ${c.city}`;
  if (c.lang === 'en') return `${street} ${rng.int(2, 180)}, ${c.postcode} ${c.city}`;
  const postcode = `${c.postcode}${num(rng, 6 - c.postcode.length)}`;
  const building = rng.chance(0.4) ? `, стр. ${rng.int(1, 6)}` : rng.chance(0.3) ? `, лит. ${rng.pick(['А', 'Б', 'В'])}` : '';
  const office = rng.chance(0.5) ? `, оф. ${rng.int(101, 540)}` : '';
  return `${postcode}, г. ${c.city}, ${street}, д. ${rng.int(1, 120)}${building}${office}`;
}
