import type { interactionTypes } from '../../interactions/interactions.contracts.js';
import type { Lang } from './names.js';

/**
 * What the KAMs wrote about their meetings, calls and e-mails, in the account's language. `{month}`,
 * `{quarter}` and `{year}` are filled from the day of the interaction.
 */
type InteractionType = (typeof interactionTypes)[number];
type ByType = Record<InteractionType, readonly string[]>;

export const subjects: Record<Lang, ByType> = {
  ru: {
    meeting: [
      'Бизнес-ревью по итогам {quarter}',
      'Встреча с категорийным менеджером',
      'Встреча с директором по закупкам',
      'Обсуждение ассортиментной матрицы на {year}',
      'Встреча по промо-календарю',
      'Разбор претензий и сроков поставки',
    ],
    visit: [
      'Объезд магазинов с мерчандайзером',
      'Визит на распределительный центр',
      'Проверка выкладки и ценников',
      'Визит в головной офис',
      'Аудит полки в ключевых точках',
    ],
    call: [
      'Согласование заказа на неделю',
      'Звонок по дебиторской задолженности',
      'Уточнение графика поставок',
      'Промо на {month}: объёмы и сроки',
      'Звонок по недовложению в последней поставке',
      'Подтверждение встречи',
      'Обсуждение остатков на складе клиента',
    ],
    email: [
      'Отправлено КП по новинкам',
      'Акт сверки за {month}',
      'Прайс-лист на {year}',
      'Отчёт о продажах за {month}',
      'Макеты новогодних наборов',
    ],
    presentation: [
      'Презентация новинок ассортимента',
      'Презентация новогодних наборов',
      'Презентация итогов {quarter}',
      'Презентация сервиса мерчандайзинга',
    ],
    negotiation: [
      'Переговоры по контракту на {year}',
      'Переговоры об условиях отсрочки',
      'Переговоры о входе в новую категорию',
      'Годовые бонусы и ретро-скидки',
      'Согласование цен после повышения прайса',
    ],
    training: ['Обучение персонала выкладке', 'Тренинг по новинкам для администраторов', 'Вебинар для сотрудников клиента'],
  },
  en: {
    meeting: [
      'Quarterly business review, {quarter}',
      'Meeting with the category manager',
      'Meeting with the head of purchasing',
      'Range review for {year}',
      'Promo calendar meeting',
      'Review of complaints and delivery times',
    ],
    visit: ['Store visit with the merchandiser', 'Warehouse visit', 'Shelf check in the flagship stores', 'Visit to the head office'],
    call: [
      'Weekly order confirmation',
      'Call about overdue invoices',
      'Delivery schedule check',
      '{month} promo: volumes and dates',
      'Call about a short delivery',
      'Meeting confirmation',
      'Container booking for the next shipment',
    ],
    email: ['Sent the new products offer', 'Reconciliation statement for {month}', 'Price list for {year}', 'Sales report for {month}'],
    presentation: ['New range presentation', 'New Year gift sets presentation', '{quarter} results presentation'],
    negotiation: [
      'Contract negotiation for {year}',
      'Payment terms negotiation',
      'Annual rebates negotiation',
      'Pricing after the list price rise',
    ],
    training: ['Staff training on shelf layout', 'Barista training', 'New range training for store managers'],
  },
};

/** What came of a done interaction, for some of them. */
export const outcomes: Record<Lang, readonly string[]> = {
  ru: [
    'Договорились о следующих шагах, протокол отправлен.',
    'Клиент подтвердил объёмы.',
    'Нужна обратная связь от логистики до пятницы.',
    'Согласовали промо, ждём подписанный договор.',
    'Клиент просит скидку ещё 2%, обсудим с руководителем.',
    'Вопрос закрыт.',
    'Отправили образцы.',
  ],
  en: [
    'Agreed on next steps, minutes sent.',
    'The client confirmed the volumes.',
    'Waiting for logistics to confirm by Friday.',
    'Promo agreed, waiting for the signed contract.',
    'They ask for another 2% off; to discuss with my manager.',
    'Closed.',
    'Samples sent.',
  ],
};

export const monthNames: Record<Lang, readonly string[]> = {
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** The customer service desk's complaint categories (the company's taxonomy is kept in Russian). */
export const complaintCategories: readonly [category: string, weight: number][] = [
  ['Доставка: опоздание', 5],
  ['Недовложение', 4],
  ['Качество товара', 4],
  ['Пересорт', 3],
  ['Повреждение упаковки', 3],
  ['Документы и счета', 2],
  ['Цены и скидки', 2],
  ['Работа мерчандайзера', 1],
];
