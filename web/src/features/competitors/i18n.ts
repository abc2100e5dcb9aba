import type { DeepString } from '../../i18n/catalog';

/** English texts of this feature; `competitorsRu` must have exactly the same keys. */
export const competitorsEn = {
  title: 'Competitors',
};

export const competitorsRu = {
  title: 'Конкуренты',
} satisfies DeepString<typeof competitorsEn>;
