import type { DeepString } from '../../i18n/catalog';

/** English texts of this feature; `tieringRu` must have exactly the same keys. */
export const tieringEn = {
  title: 'Key-account scoring',
};

export const tieringRu = {
  title: 'Оценка ключевых клиентов',
} satisfies DeepString<typeof tieringEn>;
