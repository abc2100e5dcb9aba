import { describe, expect, it } from 'vitest';
import { locales } from '../../core/contracts.js';
import { notificationKinds } from './notifications.contracts.js';
import { notificationMail, notificationText } from './notifications.mail.js';

const payload = {
  title: 'Call the buyer',
  by: 'Sam',
  dueDate: '2026-11-27',
  time: '2026-11-27T09:30:00Z',
  type: 'visit',
  accountName: 'Northwind',
  account: 'Northwind',
  role: 'absent',
  userName: 'June',
  deputyName: 'Sam',
  lastDay: '2026-12-04',
  reference: 'C-000042',
  clock: 'resolution',
  due: '2026-11-28T12:00:00Z',
  status: 'done',
  stage: 'warning',
};

describe('notification e-mails (H5)', () => {
  it('has its own text for every kind of the inbox, in both languages', () => {
    for (const l of locales) {
      const generic = notificationText(l, 'no_such_kind', {});
      for (const kind of notificationKinds) {
        const text = notificationText(l, kind, payload, 'Europe/Moscow');
        expect(text, `${l} ${kind}`).not.toBe(generic);
        expect(text, `${l} ${kind}`).not.toMatch(/undefined|null|\{\{/);
      }
    }
  });

  it('reads like the inbox, with dates and times in the reader’s language and the company time zone', () => {
    expect(notificationText('en', 'task_overdue', payload)).toBe('Overdue since 27 November 2026: Call the buyer');
    expect(notificationText('ru', 'task_overdue', payload)).toBe('Просрочена с 27 ноября 2026 г.: Call the buyer');
    expect(notificationText('en', 'plan_reminder', payload, 'Europe/Moscow')).toBe('Coming up at 12:30: Visit — Northwind');
    expect(notificationText('ru', 'plan_reminder', payload, 'Europe/Moscow')).toBe('Скоро, в 12:30: Визит — Northwind');
  });

  it('links into the app and escapes the HTML', () => {
    const m = notificationMail(
      'en',
      'mention',
      { title: '<b>x</b>', by: 'Sam', excerpt: '@june look' },
      '/tasks?task=1',
      'https://grove.test/',
    );
    expect(m.subject).toBe('Sam mentioned you in the task “<b>x</b>”');
    expect(m.html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(m.html).toContain('href="https://grove.test/tasks?task=1"');
    expect(m.text).toContain('@june look');
  });
});
