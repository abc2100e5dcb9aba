import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { i18n } from '../i18n';
import { ApiError, errorMessage } from '../app/api';

type Issue = z.core.$ZodIssue;

function issueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? i18n.t('validation.required') : i18n.t('validation.minLength', { min: Number(issue.minimum) });
      }
      return i18n.t('validation.invalid');
    case 'too_big':
      return issue.origin === 'string' ? i18n.t('validation.maxLength', { max: Number(issue.maximum) }) : i18n.t('validation.invalid');
    case 'invalid_format':
      return issue.format === 'email' ? i18n.t('validation.email') : i18n.t('validation.invalid');
    case 'invalid_type':
      return i18n.t('validation.required');
    default:
      return i18n.t('validation.invalid');
  }
}

/** A @mantine/form `validate` function from a zod schema, with messages in the UI language. */
export function zodValidate<T>(schema: z.ZodType, prepare: (values: T) => unknown = (v) => v) {
  return (values: T): Record<string, string> => {
    const result = schema.safeParse(prepare(values));
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      if (!errors[path]) errors[path] = issueMessage(issue);
    }
    return errors;
  };
}

interface FormLike {
  setFieldError: (path: string, error: string) => void;
}

/**
 * Shows a server error on the form: per field when `details` name fields the form has,
 * otherwise as a notification. `mapPath` turns a server path into the form's field path.
 */
export function showServerError(error: unknown, form?: FormLike, mapPath: (path: string) => string | null = (p) => p): void {
  let shown = false;
  if (form && error instanceof ApiError) {
    for (const detail of error.details) {
      const path = mapPath(detail.path.replace(/^body[./]/, '').replace(/\//g, '.'));
      if (path) {
        form.setFieldError(path, detail.message);
        shown = true;
      }
    }
  }
  if (!shown) notifications.show({ color: 'red', title: i18n.t('common.somethingWrong'), message: errorMessage(error) });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}
