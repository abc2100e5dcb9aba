import type { DeepString } from '../../i18n/catalog';

/** English texts of this feature; `importsRu` must have exactly the same keys. */
export const importsEn = {
  title: 'Imports',
};

export const importsRu = {
  title: 'Импорт данных',
} satisfies DeepString<typeof importsEn>;
