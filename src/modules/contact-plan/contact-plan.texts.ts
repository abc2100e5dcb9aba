import type { Locale } from '../../core/contracts.js';
import type { ChecklistKind } from '../interactions/interactions.contracts.js';

/** The built-in checklists (C4), in the reader's language until the head writes their own. */
export const defaultChecklists: Record<Locale, Record<ChecklistKind, string[]>> = {
  en: {
    training: [
      'Agenda agreed with the client',
      'Attendance list signed',
      'Product knowledge covered',
      'Selling points and objections practised',
      'Materials handed over',
      'Feedback collected',
    ],
    merchandising: [
      'Shelf share as agreed',
      'Planogram followed',
      'Prices and price tags correct',
      'Promo materials in place',
      'Stock on shelf and in store',
      'Competitors’ activity noted',
      'Photos taken',
    ],
  },
  ru: {
    training: [
      'Программа согласована с клиентом',
      'Лист присутствия подписан',
      'Знание продукта разобрано',
      'Отработаны преимущества и возражения',
      'Материалы переданы',
      'Собрана обратная связь',
    ],
    merchandising: [
      'Доля полки по договорённости',
      'Планограмма соблюдена',
      'Цены и ценники верны',
      'Рекламные материалы размещены',
      'Товар на полке и на складе магазина',
      'Отмечена активность конкурентов',
      'Сделаны фотографии',
    ],
  },
};
