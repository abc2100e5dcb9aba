import type { TFunction } from 'i18next';
import { departments, roles } from '../../../../src/core/contracts';

export function roleOptions(t: TFunction) {
  return roles.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

export function departmentOptions(t: TFunction) {
  return departments.map((d) => ({ value: d, label: t(`departments.${d}`) }));
}

export function localeOptions(t: TFunction) {
  return [
    { value: 'en', label: t('languages.en') },
    { value: 'ru', label: t('languages.ru') },
  ];
}
