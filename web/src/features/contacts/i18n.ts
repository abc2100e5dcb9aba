import type { DeepString } from '../../i18n/catalog';

/** English texts of this feature; `contactsRu` must have exactly the same keys. */
export const contactsEn = {
  title: 'Stakeholders',
};

export const contactsRu = {
  title: 'Контактные лица',
} satisfies DeepString<typeof contactsEn>;
