import type { DeepString } from '../../i18n/catalog';

/** English texts of this feature; `plansRu` must have exactly the same keys. */
export const plansEn = {
  title: 'Account plan',
};

export const plansRu = {
  title: 'План развития клиента',
} satisfies DeepString<typeof plansEn>;
