import type { Rng } from './random.js';

export type Lang = 'ru' | 'en';

const ruMale = [
  'Александр',
  'Алексей',
  'Андрей',
  'Антон',
  'Аркадий',
  'Борис',
  'Вадим',
  'Валерий',
  'Виктор',
  'Виталий',
  'Владимир',
  'Вячеслав',
  'Георгий',
  'Глеб',
  'Григорий',
  'Денис',
  'Евгений',
  'Егор',
  'Илья',
  'Кирилл',
  'Константин',
  'Леонид',
  'Максим',
  'Михаил',
  'Николай',
  'Олег',
  'Павел',
  'Пётр',
  'Руслан',
  'Семён',
  'Станислав',
  'Степан',
  'Тимур',
  'Фёдор',
  'Юрий',
  'Ярослав',
  'Геннадий',
  'Эдуард',
];
const ruFemale = [
  'Александра',
  'Алина',
  'Алла',
  'Анастасия',
  'Валентина',
  'Валерия',
  'Вера',
  'Галина',
  'Дарья',
  'Диана',
  'Евгения',
  'Елизавета',
  'Жанна',
  'Инна',
  'Карина',
  'Кира',
  'Ксения',
  'Лариса',
  'Лидия',
  'Любовь',
  'Людмила',
  'Марина',
  'Надежда',
  'Нина',
  'Оксана',
  'Полина',
  'Софья',
  'Ульяна',
  'Яна',
  'Маргарита',
  'Эльвира',
  'Милана',
  'Василиса',
  'Регина',
  'Зарина',
  'Олеся',
];
/** surnames in their masculine form; feminine forms are made by `feminine` */
const ruSurnames = [
  'Абрамов',
  'Алексеев',
  'Баранов',
  'Белоусов',
  'Беляев',
  'Блинов',
  'Богданов',
  'Борисов',
  'Быков',
  'Васильев',
  'Виноградов',
  'Власов',
  'Воробьёв',
  'Гаврилов',
  'Галкин',
  'Гончаров',
  'Горбунов',
  'Гордеев',
  'Громов',
  'Гусев',
  'Давыдов',
  'Денисов',
  'Дорофеев',
  'Ефимов',
  'Жуков',
  'Журавлёв',
  'Захаров',
  'Зиновьев',
  'Зуев',
  'Игнатьев',
  'Ильин',
  'Калинин',
  'Карпов',
  'Касаткин',
  'Клименко',
  'Ковалёв',
  'Колесников',
  'Комаров',
  'Королёв',
  'Коршунов',
  'Котов',
  'Крылов',
  'Кудрявцев',
  'Куликов',
  'Лазарев',
  'Ларионов',
  'Логинов',
  'Лукин',
  'Максимов',
  'Малышев',
  'Марков',
  'Матвеев',
  'Медведев',
  'Мельников',
  'Миронов',
  'Михайлов',
  'Назаров',
  'Никитин',
  'Николаев',
  'Носков',
  'Овчинников',
  'Осипов',
  'Панов',
  'Пестов',
  'Поляков',
  'Пономарёв',
  'Прохоров',
  'Рогов',
  'Родионов',
  'Романов',
  'Рябов',
  'Савельев',
  'Селезнёв',
  'Семёнов',
  'Сидоров',
  'Соловьёв',
  'Степанов',
  'Суханов',
  'Тарасов',
  'Тимофеев',
  'Титов',
  'Тихонов',
  'Третьяков',
  'Трофимов',
  'Устинов',
  'Филиппов',
  'Фомин',
  'Фролов',
  'Хохлов',
  'Цветков',
  'Чернов',
  'Широков',
  'Щербаков',
  'Юдин',
  'Яковлев',
  'Вершинин',
  'Шестаков',
  'Одинцов',
  'Бондаренко',
  'Шевчук',
  'Ткаченко',
  'Левченко',
  'Каменский',
  'Вишневский',
  'Островский',
  'Загорский',
  'Субботин',
  'Ермаков',
  'Голубев',
  'Лебедев',
  'Гришин',
  'Рыбаков',
  'Воронин',
  'Корнилов',
  'Сафонов',
];
const enMale = [
  'Daniel',
  'Michael',
  'David',
  'Andrew',
  'Mark',
  'Paul',
  'Richard',
  'Thomas',
  'Oliver',
  'Ethan',
  'Ryan',
  'Adam',
  'Nathan',
  'Samuel',
  'George',
  'Peter',
  'Simon',
  'Martin',
  'Christopher',
  'Jonathan',
  'Robert',
  'Edward',
  'Luke',
  'Henry',
];
const enFemale = [
  'Emma',
  'Olivia',
  'Sophie',
  'Laura',
  'Rachel',
  'Hannah',
  'Claire',
  'Grace',
  'Charlotte',
  'Megan',
  'Natalie',
  'Julia',
  'Helen',
  'Amelia',
  'Zoe',
  'Victoria',
  'Kate',
  'Lucy',
  'Anna',
  'Rebecca',
  'Fiona',
  'Alice',
];
const enSurnames = [
  'Thompson',
  'Walker',
  'Harris',
  'Clarke',
  'Lewis',
  'Robinson',
  'Wright',
  'Hughes',
  'Edwards',
  'Green',
  'Hall',
  'Wood',
  'Turner',
  'Parker',
  'Cooper',
  'Hill',
  'Ward',
  'Morgan',
  'Bennett',
  'Collins',
  'Foster',
  'Price',
  'Russell',
  'Shaw',
  'Reid',
  'Fisher',
  'Porter',
  'Hayes',
  'Gibson',
  'Marshall',
  'Barnes',
  'Holmes',
  'Palmer',
  'Stevens',
  'Ellis',
  'Kennedy',
  'Webb',
  'Lawson',
  'Fleming',
  'Doyle',
];

function feminine(surname: string): string {
  if (/(ов|ев|ёв|ин)$/.test(surname)) return `${surname}а`;
  if (surname.endsWith('ский')) return `${surname.slice(0, -4)}ская`;
  return surname;
}

export interface PersonName {
  first: string;
  last: string;
  full: string;
  female: boolean;
}

/** Hands out names that are not yet taken anywhere in the demo (nobody meets a namesake). */
export class NameBook {
  private readonly taken = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const r of reserved) this.taken.add(r);
  }

  next(rng: Rng, lang: Lang, female = rng.chance(0.45)): PersonName {
    for (;;) {
      const first = rng.pick(lang === 'ru' ? (female ? ruFemale : ruMale) : female ? enFemale : enMale);
      const base = rng.pick(lang === 'ru' ? ruSurnames : enSurnames);
      const last = lang === 'ru' && female ? feminine(base) : base;
      const full = `${first} ${last}`;
      if (this.taken.has(full)) continue;
      this.taken.add(full);
      return { first, last, full, female };
    }
  }
}

const latin: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Russian letters as the passport office spells them in Latin (for e-mail addresses and domains). */
export function transliterate(text: string): string {
  return [...text.toLowerCase()].map((ch) => latin[ch] ?? ch).join('');
}

/** i.kuznetsova@domain */
export function emailOf(name: PersonName, domain: string): string {
  return `${transliterate(name.first).slice(0, 1)}.${transliterate(name.last).replace(/[^a-z]/g, '')}@${domain}`;
}

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');

/** +7 (921) 345-67-89: a Russian mobile */
export function mobilePhone(rng: Rng): string {
  const code = rng.pick(['911', '921', '931', '903', '905', '916', '925', '926', '977', '985', '999', '950', '952', '960', '964']);
  return `+7 (${code}) ${rng.int(2, 9)}${digits(rng, 2)}-${digits(rng, 2)}-${digits(rng, 2)}`;
}

/** A landline in the client's city: "+7 (812) 334-56-78", "+971 4 321 5566"; with an extension when asked. */
export function officePhone(rng: Rng, dialCode: string, extension = false): string {
  const ext = extension ? ` доб. ${rng.int(101, 489)}` : '';
  if (dialCode.startsWith('+7 ')) {
    const area = dialCode.slice(3);
    const local =
      area.length === 3
        ? `${rng.int(2, 9)}${digits(rng, 2)}-${digits(rng, 2)}-${digits(rng, 2)}`
        : `${rng.int(2, 7)}${digits(rng, 1)}-${digits(rng, 2)}-${digits(rng, 2)}`;
    return `+7 (${area}) ${local}${ext}`;
  }
  return `${dialCode} ${rng.int(2, 8)}${digits(rng, 2)} ${digits(rng, 4)}${extension ? ` ext. ${rng.int(101, 489)}` : ''}`;
}
