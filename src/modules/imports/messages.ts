import type { Locale } from '../../core/contracts.js';

/** Why a cell, a row or a header was refused; shown with the line and column (import-format.md). */
const en = {
  REQUIRED: 'is required',
  TOO_LONG: 'is longer than {{max}} characters',
  INVALID_EMAIL: 'is not an e-mail address',
  INVALID_CHOICE: '"{{value}}" is not one of: {{allowed}}',
  INVALID_DATE: '"{{value}}" is not a date (YYYY-MM-DD)',
  INVALID_DATETIME: '"{{value}}" is not a date-time (ISO 8601, e.g. 2026-03-01T09:30:00+03:00)',
  INVALID_MONTH: '"{{value}}" is not a month (YYYY-MM)',
  INVALID_DECIMAL: '"{{value}}" is not a number (use "." for decimals, at most {{scale}} decimals)',
  INVALID_INTEGER: '"{{value}}" is not a whole number',
  OUT_OF_RANGE: '{{value}} is outside {{min}}..{{max}}',
  INVALID_BOOLEAN: '"{{value}}" is not true or false',
  INVALID_CURRENCY: '"{{value}}" is not an ISO 4217 currency code',
  UNKNOWN_COLUMN: 'unknown column "{{column}}" (expected: {{expected}})',
  MISSING_COLUMN: 'the required column "{{column}}" is missing',
  DUPLICATE_COLUMN: 'the column "{{column}}" appears twice',
  EMPTY_FILE: 'the file has no header row',
  DUPLICATE_KEY: 'the same {{key}} is already on line {{line}}',
  UNKNOWN_USER: 'no user with the e-mail {{email}}',
  UNKNOWN_ACCOUNT: 'no account with the external ID {{externalId}}',
  LOST_DATE_REQUIRED: 'is required when the status is lost',
  LOST_DATE_NOT_LOST: 'is only for accounts with the status lost',
  DEPARTMENT_REQUIRED: 'is required for the role department',
  DEPARTMENT_NOT_ALLOWED: 'is only for the role department',
  MANAGER_SELF: 'a user cannot report to themselves',
  MANAGER_CYCLE: 'would make a reporting cycle',
  MANAGER_DISABLED: 'the manager {{email}} is disabled',
  LAST_ADMIN: 'Grove needs at least one active administrator',
  CSV_SYNTAX: 'the CSV cannot be read here: {{reason}}',
  TOO_MANY_ROWS: 'the file has more than {{max}} rows',
  COLUMN_COUNT: 'the row has {{cells}} cells but the header has {{columns}} columns',
};

type Messages = { [K in keyof typeof en]: string };
const ru = {
  REQUIRED: 'обязательное поле',
  TOO_LONG: 'длиннее {{max}} символов',
  INVALID_EMAIL: 'это не адрес электронной почты',
  INVALID_CHOICE: '«{{value}}» — не одно из значений: {{allowed}}',
  INVALID_DATE: '«{{value}}» — не дата (ГГГГ-ММ-ДД)',
  INVALID_DATETIME: '«{{value}}» — не дата и время (ISO 8601, например 2026-03-01T09:30:00+03:00)',
  INVALID_MONTH: '«{{value}}» — не месяц (ГГГГ-ММ)',
  INVALID_DECIMAL: '«{{value}}» — не число (дробная часть через «.», не более {{scale}} знаков)',
  INVALID_INTEGER: '«{{value}}» — не целое число',
  OUT_OF_RANGE: '{{value}} вне диапазона {{min}}..{{max}}',
  INVALID_BOOLEAN: '«{{value}}» — не true и не false',
  INVALID_CURRENCY: '«{{value}}» — не код валюты ISO 4217',
  UNKNOWN_COLUMN: 'неизвестный столбец «{{column}}» (ожидаются: {{expected}})',
  MISSING_COLUMN: 'нет обязательного столбца «{{column}}»',
  DUPLICATE_COLUMN: 'столбец «{{column}}» встречается дважды',
  EMPTY_FILE: 'в файле нет строки заголовков',
  DUPLICATE_KEY: 'такой же {{key}} уже есть в строке {{line}}',
  UNKNOWN_USER: 'нет пользователя с адресом {{email}}',
  UNKNOWN_ACCOUNT: 'нет клиента с внешним кодом {{externalId}}',
  LOST_DATE_REQUIRED: 'обязательно, если статус lost',
  LOST_DATE_NOT_LOST: 'указывается только для клиентов со статусом lost',
  DEPARTMENT_REQUIRED: 'обязательно для роли department',
  DEPARTMENT_NOT_ALLOWED: 'указывается только для роли department',
  MANAGER_SELF: 'пользователь не может подчиняться сам себе',
  MANAGER_CYCLE: 'получится замкнутая цепочка подчинения',
  MANAGER_DISABLED: 'руководитель {{email}} отключён',
  LAST_ADMIN: 'в Grove должен остаться хотя бы один активный администратор',
  CSV_SYNTAX: 'CSV не читается в этом месте: {{reason}}',
  TOO_MANY_ROWS: 'в файле больше {{max}} строк',
  COLUMN_COUNT: 'в строке {{cells}} ячеек, а в заголовке {{columns}} столбцов',
} satisfies Messages;

export type RowErrorCode = keyof typeof en;
export type Params = Record<string, string | number>;

export function rowMessage(locale: Locale, code: RowErrorCode, params: Params = {}): string {
  const template = (locale === 'ru' ? ru : en)[code];
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}
