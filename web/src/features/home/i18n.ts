import type { DeepString } from '../../i18n/catalog';

/** English texts of the KAM's "My day" on the home page; `myDayRu` must have exactly the same keys. */
export const myDayEn = {
  today: {
    title: 'Today',
    summary: '{{done}} of {{total}} done',
    openPlan: 'Open the plan',
    done: 'Done',
    markDone: 'Mark as done and write the outcome',
    isDone: 'done',
    allDay: 'all day',
    missed: 'time passed',
    empty: 'Nothing planned today.',
    emptyAction: 'Plan your week',
    loadError: 'Today’s plan could not be loaded.',
  },
  due: {
    title: 'Out of cadence',
    hint: 'Clients due for a visit or a call, the most urgent first.',
    more: 'All {{n}} in the plan',
    plan: 'Plan a visit',
    empty: 'Every client is within its cadence. Nothing is pressing.',
    loadError: 'The list could not be loaded.',
  },
  tasks: {
    title: 'My tasks',
    overdue: '{{n}} overdue',
    noDate: 'no due date',
    dueOn: 'due {{date}}',
    all: 'All my tasks',
    empty: 'No open tasks. New tasks from colleagues and after visits appear here.',
    loadError: 'Tasks could not be loaded.',
  },
};

export const myDayRu: DeepString<typeof myDayEn> = {
  today: {
    title: 'Сегодня',
    summary: 'Сделано {{done}} из {{total}}',
    openPlan: 'Открыть план',
    done: 'Готово',
    markDone: 'Отметить выполненным и записать результат',
    isDone: 'сделано',
    allDay: 'весь день',
    missed: 'время прошло',
    empty: 'На сегодня ничего не запланировано.',
    emptyAction: 'Спланируйте неделю',
    loadError: 'Не удалось загрузить план на сегодня.',
  },
  due: {
    title: 'Пора связаться',
    hint: 'Клиенты, которым пора нанести визит или позвонить, сначала самые срочные.',
    more: 'Все {{n}} в плане',
    plan: 'Запланировать визит',
    empty: 'Все клиенты в графике контактов. Срочного нет.',
    loadError: 'Не удалось загрузить список.',
  },
  tasks: {
    title: 'Мои задачи',
    overdue: 'просрочено: {{n}}',
    noDate: 'без срока',
    dueOn: 'срок {{date}}',
    all: 'Все мои задачи',
    empty: 'Открытых задач нет. Здесь появятся задачи от коллег и после визитов.',
    loadError: 'Не удалось загрузить задачи.',
  },
};
