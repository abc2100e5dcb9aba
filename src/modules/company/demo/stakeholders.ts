import type { Attitude, BuyingRole } from '../../contacts/contacts.contracts.js';
import { type DemoAccount, dayBetween, ownerOn } from './accounts.js';
import { laterDay } from './calendar.js';
import { type AccountTeam, seniorOf } from './history.js';
import type { Builder } from './model.js';
import { emailOf, mobilePhone, type NameBook, officePhone } from './names.js';
import type { Rng } from './random.js';
import type { Family } from './segments.js';

/** A stakeholder as the notes and plans of the demo refer to them. */
export interface Stakeholder {
  id: string;
  name: string;
  slot: Slot;
}

/** The places in a client's organisation the demo fills, top-down. */
type Slot = 'ceo' | 'commercial' | 'category' | 'finance' | 'buyer' | 'logistics' | 'category2' | 'marketing' | 'assistant';
type Titles = Record<Slot, readonly [ru: string, en: string]>;

const retail: Titles = {
  ceo: ['Генеральный директор', 'Managing Director'],
  commercial: ['Коммерческий директор', 'Commercial Director'],
  category: ['Категорийный менеджер (напитки)', 'Category Manager, Beverages'],
  finance: ['Финансовый директор', 'Finance Director'],
  buyer: ['Менеджер по закупкам', 'Buyer'],
  logistics: ['Директор по логистике', 'Head of Supply Chain'],
  category2: ['Категорийный менеджер (снеки и кондитерка)', 'Category Manager, Snacks'],
  marketing: ['Директор по маркетингу', 'Marketing Director'],
  assistant: ['Помощник генерального директора', 'Executive Assistant'],
};

const titles: Record<Family, Titles> = {
  retail,
  pharma: {
    ...retail,
    commercial: ['Директор по закупкам', 'Purchasing Director'],
    category: ['Категорийный менеджер (парафармация)', 'Category Manager, Parapharmacy'],
    buyer: ['Специалист по закупкам', 'Purchasing Specialist'],
    logistics: ['Руководитель склада', 'Warehouse Manager'],
    category2: ['Категорийный менеджер (детское питание)', 'Category Manager, Baby Food'],
    assistant: ['Офис-менеджер', 'Office Manager'],
  },
  ecom: {
    ...retail,
    ceo: ['Генеральный директор', 'CEO'],
    commercial: ['Директор по категорийному менеджменту', 'Head of Category Management'],
    category: ['Категорийный менеджер (снеки и напитки)', 'Category Manager, Snacks & Drinks'],
    buyer: ['Менеджер по работе с поставщиками', 'Supplier Manager'],
    logistics: ['Руководитель фулфилмента', 'Fulfilment Manager'],
    category2: ['Категорийный менеджер (здоровое питание)', 'Category Manager, Healthy Food'],
    marketing: ['Руководитель трейд-маркетинга', 'Trade Marketing Lead'],
    assistant: ['Ассистент отдела закупок', 'Purchasing Assistant'],
  },
  wholesale: {
    ...retail,
    category: ['Руководитель отдела закупок', 'Head of Purchasing'],
    logistics: ['Начальник склада', 'Warehouse Manager'],
    category2: ['Руководитель отдела продаж', 'Sales Director'],
    marketing: ['Бренд-менеджер', 'Brand Manager'],
    assistant: ['Секретарь-референт', 'Office Manager'],
  },
  horeca: {
    ceo: ['Управляющий партнёр', 'Managing Partner'],
    commercial: ['Операционный директор', 'Operations Director'],
    category: ['Бренд-шеф', 'Executive Chef'],
    finance: ['Финансовый директор', 'Financial Controller'],
    buyer: ['Менеджер по закупкам', 'Purchasing Manager'],
    logistics: ['Бар-менеджер', 'Bar Manager'],
    category2: ['Управляющий', 'General Manager'],
    marketing: ['Директор по маркетингу', 'Marketing Manager'],
    assistant: ['Администратор офиса', 'Office Manager'],
  },
  export: {
    ...retail,
    category: ['Руководитель отдела импорта', 'Import Manager'],
    buyer: ['Менеджер по закупкам', 'Purchasing Specialist'],
    logistics: ['Менеджер по ВЭД', 'Customs & Logistics Manager'],
    category2: ['Категорийный менеджер', 'Category Manager'],
    marketing: ['Маркетолог', 'Marketing Manager'],
    assistant: ['Офис-менеджер', 'Office Manager'],
  },
};

const reportsTo: Record<Slot, Slot | null> = {
  ceo: null,
  commercial: 'ceo',
  category: 'commercial',
  finance: 'ceo',
  buyer: 'category',
  logistics: 'ceo',
  category2: 'commercial',
  marketing: 'commercial',
  assistant: 'ceo',
};
const optional: Slot[] = ['finance', 'buyer', 'logistics', 'category2', 'marketing', 'assistant'];

const contactNotes = {
  ru: [
    'Предпочитает общение в Telegram, на почту отвечает с задержкой.',
    'Решения по новинкам принимает комитет по ассортименту по вторникам.',
    'Любит цифры: на встречи приносить аналитику продаж по магазинам.',
    'Раньше работала у дистрибьютора, хорошо знает рыночные условия.',
    'Отвечает за собственную торговую марку, интересуется эксклюзивными позициями.',
    'Каждый год бывает на «ПродЭкспо» — удобная возможность для встречи.',
  ],
  en: [
    'Prefers WhatsApp to e-mail.',
    'New listings are decided at the Tuesday range committee.',
    'Likes data: bring store-level sales figures.',
  ],
} as const;

/** 4–9 stakeholders with an org chart on key accounts, 2–4 on potential ones, 1–3 elsewhere. */
export function buildStakeholders(
  b: Builder,
  names: NameBook,
  accounts: DemoAccount[],
  teams: Map<string, AccountTeam>,
): Map<string, Stakeholder[]> {
  const out = new Map<string, Stakeholder[]>();
  for (const a of accounts) out.set(a.id, contactsOf(b, names, a, teams.get(a.id)!));
  return out;
}

function slotsOf(rng: Rng, a: DemoAccount): Slot[] {
  if (a.flags.has('showcase')) return ['ceo', 'commercial', 'category', ...optional];
  if (a.flags.has('single')) return ['ceo', 'commercial', 'category', 'buyer'];
  if (a.tier === 'key') {
    const extra = rng.sample(optional, rng.int(1, 5));
    return ['ceo', 'commercial', 'category', ...optional.filter((s) => extra.includes(s))];
  }
  if (a.tier === 'potential')
    return rng.chance(0.5)
      ? ['ceo', 'commercial', 'category']
      : (['ceo', 'commercial', 'category', 'buyer'].slice(0, rng.int(2, 4)) as Slot[]);
  if (a.status === 'prospect') return rng.chance(0.5) ? ['ceo'] : ['ceo', 'commercial'];
  return (['ceo', 'buyer', 'finance'] as Slot[]).slice(0, rng.int(1, 3));
}

interface Relation {
  role: BuyingRole;
  influence: number;
  attitude: Attitude;
  strength: number;
  owner: string | null;
}

/** Who the stakeholder is to the deal and to us; the flags make a few maps deliberately imperfect. */
function relationOf(rng: Rng, b: Builder, a: DemoAccount, slot: Slot, team: AccountTeam, slots: Slot[]): Relation {
  const important = a.tier !== 'regular';
  const attitude: Attitude = rng.chance(0.55) ? 'supporter' : rng.chance(0.85) ? 'neutral' : 'opponent';
  const strengthOf = (att: Attitude) => (att === 'supporter' ? rng.int(3, 5) : att === 'neutral' ? rng.int(2, 3) : rng.int(1, 2));
  const base = (role: BuyingRole, influence: number, owner: string | null, att: Attitude = attitude): Relation => ({
    role,
    influence,
    attitude: att,
    strength: strengthOf(att),
    owner: important ? owner : null,
  });
  const owner = a.ownerKey;
  let r: Relation;
  switch (slot) {
    case 'ceo':
      r = base('decision_maker', 5, a.tier === 'key' ? seniorOf(b, owner) : owner, rng.chance(0.7) ? 'supporter' : 'neutral');
      if (!important && slots.length === 1) r.owner = owner;
      break;
    case 'commercial':
      r = base(rng.chance(0.4) ? 'decision_maker' : 'influencer', rng.int(4, 5), owner, rng.chance(0.6) ? 'supporter' : 'neutral');
      break;
    case 'category':
      r = base('champion', 4, owner, 'supporter');
      break;
    case 'finance':
      r = base('economic_buyer', 4, team.department === 'victoria' ? 'victoria' : null, rng.chance(0.5) ? 'neutral' : attitude);
      break;
    case 'buyer':
      r = base('user', rng.int(2, 3), team.junior ?? team.support ?? owner);
      if (!important) r.owner = owner;
      break;
    case 'logistics':
      r = base(rng.chance(0.5) ? 'influencer' : 'user', 3, team.department === 'artem' ? 'artem' : team.support);
      break;
    case 'category2':
      r = base('influencer', 3, team.junior);
      break;
    case 'marketing':
      r = base('influencer', 3, team.department === 'irina' ? 'irina' : null);
      break;
    case 'assistant':
      r = base('gatekeeper', 2, null, 'supporter');
      r.strength = 3;
      break;
  }
  if (a.flags.has('single')) {
    if (slot !== 'category') Object.assign(r, { owner: null, strength: rng.int(1, 2), attitude: 'neutral' });
  }
  if (a.flags.has('norel') && (slot === 'ceo' || slot === 'commercial'))
    Object.assign(r, { owner: null, strength: 2, attitude: 'neutral' });
  if (a.flags.has('opponent') && slot === 'commercial') Object.assign(r, { role: 'decision_maker', attitude: 'opponent', strength: 2 });
  if (a.flags.has('nochamp') && slot === 'category') r.role = 'influencer';
  return r;
}

function contactsOf(b: Builder, names: NameBook, a: DemoAccount, team: AccountTeam): Stakeholder[] {
  const { cal } = b;
  const rng = a.rng.fork('stakeholders');
  const slots = slotsOf(rng, a);
  const ids = new Map<Slot, string>();
  const out: Stakeholder[] = [];
  const endDay = a.status === 'lost' ? a.statusDay! : cal.day(-1);
  slots.forEach((slot, i) => {
    const id = rng.uuid();
    ids.set(slot, id);
    const name = names.next(rng, a.lang);
    const rel = relationOf(rng, b, a, slot, team, slots);
    const manager = reportsTo[slot];
    // the first people came with the account; the others were met over time
    const addedDay =
      i < 2 ? a.createdDay : dayBetween(rng, cal, cal.day(cal.offsetOf(a.createdDay) + 10), cal.day(cal.offsetOf(endDay) - 5));
    const createdAt = cal.at(addedDay, rng.int(9, 18), rng.int(0, 59));
    const related = rel.owner !== null || rel.strength >= 3;
    const lastContactOn =
      slot === 'category' || (slot === 'ceo' && slots.length <= 2)
        ? a.lastContactDay
        : related
          ? dayBetween(rng, cal, laterDay(addedDay, cal.day(-90)), endDay)
          : rng.chance(0.5)
            ? dayBetween(rng, cal, addedDay, endDay)
            : null;
    const foreign = a.city.innRegion === null;
    const phone = foreign
      ? officePhone(rng, a.city.dial, slot !== 'ceo')
      : ['ceo', 'commercial', 'category'].includes(slot) && rng.chance(0.7)
        ? mobilePhone(rng)
        : officePhone(rng, a.city.dial, true);
    b.rows.contacts.push({
      id,
      accountId: a.id,
      fullName: name.full,
      title:
        a.tier === 'regular' && slot === 'finance'
          ? a.lang === 'ru'
            ? 'Главный бухгалтер'
            : 'Chief Accountant'
          : titles[a.segment.family][slot][a.lang === 'ru' ? 0 : 1],
      email: a.domain ? emailOf(name, a.domain) : null,
      phone,
      buyingRole: rel.role,
      influence: rel.influence,
      attitude: rel.attitude,
      relationshipStrength: rel.strength,
      relationOwnerId: rel.owner ? b.user(rel.owner).id : null,
      reportsToId: manager ? (ids.get(manager) ?? ids.get('ceo') ?? null) : null,
      lastContactOn: lastContactOn && lastContactOn >= addedDay ? lastContactOn : null,
      notes: noteOf(rng, a, slot, name.female),
      createdAt,
      updatedAt: createdAt,
    });
    out.push({ id, name: name.full, slot });
    b.event(a.id, 'contact.added', createdAt, ownerOn(a, addedDay), { contactId: id, name: name.full });
  });
  return out;
}

function noteOf(rng: Rng, a: DemoAccount, slot: Slot, female: boolean): string | null {
  if (a.flags.has('opponent') && slot === 'commercial')
    return a.lang === 'ru'
      ? `${female ? 'Пришла' : 'Пришёл'} из конкурирующего дистрибьютора в этом году, продвигает их ассортимент. Решения по нам откладывает.`
      : 'Joined from a competing distributor this year and pushes their range.';
  if (a.tier === 'regular' || !rng.chance(0.3)) return null;
  const note = rng.pick(contactNotes[a.lang]);
  return female ? note : note.replace('работала', 'работал');
}
