import type { DeepString } from '../../i18n/catalog';

/** English texts of this feature; `accountsRu` must have exactly the same keys. */
export const accountsEn = {
  title: 'Accounts',
};

export const accountsRu = {
  title: 'Клиенты',
} satisfies DeepString<typeof accountsEn>;
