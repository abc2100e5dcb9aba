import type { Locale } from '../../core/contracts.js';
import type { AccountColumn, BuiltInViewKey } from './accounts.contracts.js';

/** Texts the accounts module writes itself (export headers and values, built-in view names). */
const en = {
  columns: {
    name: 'Name',
    externalId: 'External ID',
    registrationNo: 'Registration no.',
    tier: 'Tier',
    status: 'Status',
    owner: 'Owner',
    score: 'Score',
    lastContactAt: 'Last contact',
    city: 'City',
    region: 'Region',
    segment: 'Segment',
    industry: 'Industry',
    channel: 'Channel',
    currency: 'Currency',
    creditLimit: 'Credit limit',
    paymentTermsDays: 'Payment terms, days',
    priceColumn: 'Price column',
    source: 'Source',
    nextStep: 'Next step',
    planUpdatedAt: 'Plan updated',
    createdAt: 'Created',
    updatedAt: 'Updated',
  } satisfies Record<AccountColumn, string>,
  tier: { key: 'Key', potential: 'Potential', regular: 'Regular' },
  status: { prospect: 'Prospect', active: 'Active', at_risk: 'At risk', lost: 'Lost' },
  channel: { b2b: 'B2B', b2c: 'B2C', ecommerce: 'E-commerce', retail: 'Retail' },
  views: {
    myKeyAccounts: 'My key accounts',
    keyWithoutPlan: 'Key accounts without a plan',
    prospects: 'Prospects',
    atRisk: 'At risk',
  } satisfies Record<BuiltInViewKey, string>,
  sheet: 'Accounts',
  file: 'accounts',
};

type Texts = typeof en;
type DeepString<T> = { [K in keyof T]: T[K] extends string ? string : DeepString<T[K]> };

const ru = {
  columns: {
    name: 'Название',
    externalId: 'Внешний код',
    registrationNo: 'ИНН / рег. номер',
    tier: 'Категория',
    status: 'Статус',
    owner: 'Ответственный',
    score: 'Оценка',
    lastContactAt: 'Последний контакт',
    city: 'Город',
    region: 'Регион',
    segment: 'Сегмент',
    industry: 'Отрасль',
    channel: 'Канал',
    currency: 'Валюта',
    creditLimit: 'Кредитный лимит',
    paymentTermsDays: 'Отсрочка платежа, дней',
    priceColumn: 'Колонка прайс-листа',
    source: 'Источник',
    nextStep: 'Следующий шаг',
    planUpdatedAt: 'План обновлён',
    createdAt: 'Создан',
    updatedAt: 'Изменён',
  },
  tier: { key: 'Ключевой', potential: 'Перспективный', regular: 'Обычный' },
  status: { prospect: 'Потенциальный', active: 'Активный', at_risk: 'Под угрозой', lost: 'Потерян' },
  channel: { b2b: 'B2B', b2c: 'B2C', ecommerce: 'Интернет-торговля', retail: 'Розница' },
  views: {
    myKeyAccounts: 'Мои ключевые клиенты',
    keyWithoutPlan: 'Ключевые клиенты без плана развития',
    prospects: 'Потенциальные клиенты',
    atRisk: 'Под угрозой',
  },
  sheet: 'Клиенты',
  file: 'клиенты',
} satisfies DeepString<Texts>;

export function accountTexts(locale: Locale): Texts {
  return locale === 'ru' ? ru : en;
}
