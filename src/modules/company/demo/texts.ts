import type { Lang } from './names.js';

/** Texts people typed into the demo's accounts, in the language the account is kept in. */
type ByLang<T> = Record<Lang, readonly T[]>;

/** "Арктика Трейд (Arctica Trade)" as a Russian or an English note names it. */
export function shortName(name: string, lang: Lang): string {
  const m = /^(.*) \((.*)\)$/.exec(name);
  if (!m) return name;
  return lang === 'ru' ? m[1]! : m[2]!;
}

/** Replaces {name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}

export const prospectSources: ByLang<string> = {
  ru: [
    'Выставка «ПродЭкспо-{year}»',
    'Рекомендация клиента',
    'Входящая заявка с сайта',
    'Тендер на электронной площадке',
    'Выставка «Петерфуд»',
    'Конференция Retail Week',
    'Знакомство через производителя',
  ],
  en: [
    'Gulfood {year} trade show',
    'Referral from an existing client',
    'Inbound request via the website',
    'Introduction by a manufacturer partner',
  ],
};

export const prospectSteps: ByLang<(date: string) => string> = {
  ru: [
    (d) => `Дегустация ассортимента в головном офисе ${d}`,
    (d) => `Отправить КП по колонке «Сети-2» до ${d}`,
    (d) => `Встреча с директором по закупкам ${d}, взять образцы`,
    (d) => `Согласовать тестовую поставку в 5 магазинов до ${d}`,
    (d) => `Получить анкету контрагента для проверки СБ до ${d}`,
    (d) => `Звонок коммерческому директору ${d}: обратная связь по КП`,
  ],
  en: [
    (d) => `Send the price offer (Export DAP) by ${d}`,
    (d) => `Video call with the purchasing director on ${d}`,
    (d) => `Ship samples of the snack range by ${d}`,
    (d) => `Agree the terms of a trial container by ${d}`,
  ],
};

export const sourcesOfNewClients: ByLang<string> = {
  ru: ['Рекомендация клиента', 'Выставка «ПродЭкспо-{year}»', 'Входящая заявка с сайта', 'Тендер', 'Перешли от конкурента'],
  en: ['Referral from an existing client', 'Gulfood {year} trade show', 'Inbound request via the website'],
};

/** Notes of day-to-day work; {contact}, {competitor} and {n} are filled in. */
export const workNotes: ByLang<string> = {
  ru: [
    'Встреча в офисе клиента ({contact}): согласовали ввод 14 SKU снеков и орехов с 1-го числа. Нужен фотоотчёт по выкладке из 20 магазинов через две недели.',
    'Звонок ({contact}): недовоз по последнему заказу, 3 позиции соков. Передано в логистику, допоставка подтверждена на четверг.',
    '{contact} говорит, что «{competitor}» предлагает отсрочку 75 дней и ретро-бонус 3%. Готовим контрпредложение к пятнице, нужно согласование финансового отдела.',
    'Провели дегустацию новой линейки морсов в головном магазине — отзывы хорошие. Следующий шаг — тестовая поставка в 10 магазинов.',
    'Согласовали график промо на I квартал: две волны по две недели, скидка 15% на полке, компенсация из бюджета производителя.',
    'Квартальная встреча по итогам: выполнение плана {n}%, просроченной дебиторки нет. Клиент просит расширить ассортимент безглютеновой продукции.',
    'Подписано доп. соглашение: ретро-бонус 2% при выполнении плана полугодия. Оригиналы отправлены курьером.',
    '{contact} в отпуске две недели, заказы подтверждает заместитель. Заказы на следующую неделю согласованы заранее.',
    'Аудит полки в 6 магазинах: доля полки по сокам 18% при плане 22%. Предложим дополнительные паллетные выкладки на следующей встрече.',
    'Клиент переходит на ЭДО с 1-го числа. Бухгалтерии нужно обновить реквизиты в договоре.',
    'Визит на распределительный центр: разгрузка наших машин занимает до 3 часов. Договорились о слоте 6:00–8:00 со следующей недели.',
    '{contact}: запрос на подарочные наборы к Новому году, тираж 5 000 штук. Передано в дизайн-отдел, макеты к концу недели.',
    'Встреча по итогам года ({contact}): готовы увеличить закупки на {n}% при совместной промо-программе.',
    'Отправили КП на расширение матрицы: 22 SKU, цены по колонке «Сети-1», ответ обещали после комитета по ассортименту.',
    'Возврат 14 коробок нектара с истекающим сроком — оформили акт, кредит-нота выставлена. Клиент претензий не имеет.',
    'Совместный объезд магазинов ({contact}): в 4 из 10 магазинов нет ценников на новинки, договорились о проверке силами мерчандайзеров.',
    'Согласовали повышение цен на 4,5% с 1-го числа следующего месяца — с учётом ретро-бонуса клиент согласен.',
    'Сверка взаиморасчётов на конец квартала подписана без расхождений.',
    'Клиент пригласил на отраслевую конференцию закупщиков в марте — выступим с кейсом по категории «напитки».',
  ],
  en: [
    'Call with {contact}: agreed to list 12 snack SKUs from the 1st. They want shelf photos from the first five stores after two weeks.',
    '{contact} mentioned that {competitor} offered 75-day payment terms. Preparing a counter-offer by Friday; needs finance approval.',
    'Quarterly business review: plan fulfilment {n}%, no overdue receivables. They ask for a wider gluten-free range.',
    'The tasting of the new berry drinks at their head office went well. Next step: a trial shipment for ten stores.',
    'The last container cleared customs in two days. {contact} is happy with the new documents pack.',
    'Visited their warehouse: unloading takes up to three hours. Agreed a 6–8 am slot from next week.',
    '{contact} asked for a Ramadan gift-box offer, about 3,000 sets. Passed to design; mock-ups by the end of the week.',
    'Sent the offer for 18 new SKUs at Export DAP prices; they will answer after their range committee.',
    'Quarter-end statement of account signed with no differences.',
    'Agreed a 4% price increase from next month, offset by the year-end rebate.',
  ],
};

export const riskNotes: ByLang<string> = {
  ru: [
    'Клиент сократил заказы на {n}% за два месяца. {contact}: «у «{competitor}» дешевле и доставка дважды в день». Готовим план удержания: цены «Сети-1» на топ-20 SKU и второй рейс.',
    '{contact} предупреждает: ещё один срыв поставки — и категорию соков передадут «{competitor}». Нужна встреча с логистикой на этой неделе.',
    'Просрочка оплаты 25 дней, клиент просит увеличить отсрочку до 60 дней. Финансовый отдел против — обсудить с руководителем.',
  ],
  en: [
    'Orders are down {n}% over two months. {contact}: "{competitor} is cheaper and delivers twice a week." Preparing a retention offer.',
    '{contact} warns that one more late delivery and the juice category goes to {competitor}. Need a call with logistics this week.',
  ],
};

export const lostReasons: ByLang<string> = {
  ru: [
    'Ушли к «{competitor}»: цены на базовый ассортимент ниже на 8–10%, отсрочка 60 дней.',
    'Централизовали закупки и передали категорию «{competitor}» вместе с доставкой в магазины.',
    'После двух срывов поставок подряд категорию передали «{competitor}».',
  ],
  en: ['Switched to {competitor}: 9% lower prices and free delivery to their warehouse.'],
};

export const tierReasons: Record<Lang, Record<'key' | 'potential', readonly string[]>> = {
  ru: {
    key: [
      'Оборот за 12 месяцев — {n} млн ₽, сеть растёт; по карте оценки клиент выше порога ключевых.',
      'Клиент вошёл в топ-20 по обороту и готов к совместному плану развития.',
    ],
    potential: ['Быстрый рост закупок и интерес к расширению ассортимента: кандидат в ключевые.'],
  },
  en: {
    key: ['12-month revenue has reached {n} million and the scorecard is above the key threshold.'],
    potential: ['Fast-growing orders and interest in a wider range: a candidate for key.'],
  },
};

/** Why an account changed hands: from sales to a KAM, between KAMs, to a senior KAM and back. */
export const handoverNotes: Record<Lang, Record<'fromSales' | 'toSenior' | 'fromSenior' | 'between' | 'upcoming', string>> = {
  ru: {
    fromSales:
      'Клиент переходит в ключевые: оборот за 12 месяцев вырос до {n} млн ₽. {from} остаётся на связи по текущим заказам до конца месяца и передаёт контакты закупщиков.',
    toSenior: 'Клиент вырос до уровня крупной сети — ведение переходит к старшему KAM. {from} остаётся в команде клиента младшим KAM.',
    fromSenior: 'Отношения с руководством выстроены, клиенту нужен ежедневный операционный контроль. {from} остаётся куратором.',
    between:
      'Перераспределение портфеля: {from} сосредотачивается на своём направлении. Клиент передан вместе с историей и планом развития, совместный визит проведён.',
    upcoming:
      'С {date} клиента ведёт {to}: гостиничные клиенты собираются у одного KAM. {from} знакомит с закупщиками на ближайшей встрече.',
  },
  en: {
    fromSales:
      'The client becomes a key account: 12-month revenue grew to {n} million. {from} stays in touch on current orders until the end of the month.',
    toSenior: 'The client has grown into a major chain, so a senior KAM takes over. {from} stays on the account team as junior KAM.',
    fromSenior: 'Relations with their management are in place; the client now needs day-to-day attention. {from} stays as sponsor.',
    between:
      'Portfolio rebalancing: {from} focuses on their own region. Handed over with the full history and the plan after a joint visit.',
    upcoming:
      'From {date} {to} looks after the account: hotel clients go to one KAM. {from} introduces {to} to the purchasing team on the next call.',
  },
};
