import type { DeepString } from '../../i18n/catalog';

/** English texts of Settings → E-mail (H5, D1); `mailRu` must have exactly the same keys. */
export const mailEn = {
  title: 'E-mail',
  subtitle: 'Outgoing mail (notifications, complaint acknowledgements, surveys) and the complaints mailbox.',
  outgoing: 'Outgoing mail (SMTP)',
  outgoingText:
    'Grove sends every message through your SMTP server. Messages are queued and retried for a while when the server cannot be reached; while mail is off they wait.',
  enabled: 'Send e-mail',
  enabledHint: 'Off: nothing is sent, messages wait in the queue.',
  host: 'SMTP server',
  port: 'Port',
  secure: 'TLS from the start (usually port 465)',
  secureHint: 'Off: plain connection upgraded with STARTTLS when the server offers it (ports 587 and 25).',
  user: 'User name',
  userHint: 'Leave empty when the server needs no sign-in.',
  password: 'Password',
  passwordStored: 'A password is stored. Leave empty to keep it.',
  passwordNone: 'No password stored.',
  removePassword: 'Remove the stored password',
  fromAddress: 'Sender address',
  fromName: 'Sender name',
  saved: 'E-mail settings saved.',
  test: 'Send a test message',
  testTo: 'To',
  testSent: 'The test message was sent to {{to}}.',
  testHint: 'Uses the saved settings, even while sending is off. Save your changes first.',
  inbound: 'Complaints mailbox',
  inboundText:
    'Mail sent to this address becomes a complaint: the sender is matched to a key client’s contact and gets an acknowledgement with the reference number.',
  complaintsAddress: 'Complaints address',
  complaintsAddressHint: 'Grove accepts mail for this address only and refuses everything else.',
  endpointOn: 'Grove receives this mail itself: its SMTP endpoint listens on port {{port}} (address {{host}}).',
  endpointOff:
    'Grove’s SMTP endpoint is off. Start the server with GROVE_SMTP_PORT (for example 2525) to switch it on, and GROVE_SMTP_HOST to choose the address it listens on.',
  howTo: 'To deliver the mail to Grove, either:',
  howToMx:
    'point the MX record of the mailbox’s domain at this server (the endpoint must then be reachable on port 25, e.g. by forwarding port 25 to it).',
  howToForward:
    'keep the mailbox on your mail server and forward (relay) its mail to this server at the endpoint’s port — the usual choice, since your mail server then does spam filtering and TLS; or',
  howToLimits: 'Messages up to 10 MB; no sign-in; a redelivered message (same Message-ID) is taken once.',
};

export const mailRu = {
  title: 'Почта',
  subtitle: 'Исходящая почта (уведомления, подтверждения жалоб, опросы) и почтовый ящик для жалоб.',
  outgoing: 'Исходящая почта (SMTP)',
  outgoingText:
    'Grove отправляет все письма через ваш SMTP-сервер. Письма ставятся в очередь и какое-то время отправляются повторно, если сервер недоступен; пока почта выключена, они ждут.',
  enabled: 'Отправлять почту',
  enabledHint: 'Выключено: ничего не отправляется, письма ждут в очереди.',
  host: 'SMTP-сервер',
  port: 'Порт',
  secure: 'TLS с самого начала (обычно порт 465)',
  secureHint: 'Выключено: обычное соединение с переходом на STARTTLS, если сервер его предлагает (порты 587 и 25).',
  user: 'Имя пользователя',
  userHint: 'Оставьте пустым, если сервер не требует входа.',
  password: 'Пароль',
  passwordStored: 'Пароль сохранён. Оставьте поле пустым, чтобы не менять его.',
  passwordNone: 'Пароль не сохранён.',
  removePassword: 'Удалить сохранённый пароль',
  fromAddress: 'Адрес отправителя',
  fromName: 'Имя отправителя',
  saved: 'Настройки почты сохранены.',
  test: 'Отправить проверочное письмо',
  testTo: 'Кому',
  testSent: 'Проверочное письмо отправлено на {{to}}.',
  testHint: 'Используются сохранённые настройки, даже если отправка выключена. Сначала сохраните изменения.',
  inbound: 'Почтовый ящик для жалоб',
  inboundText:
    'Письмо на этот адрес становится жалобой: отправитель сопоставляется с контактом ключевого клиента и получает подтверждение с номером обращения.',
  complaintsAddress: 'Адрес для жалоб',
  complaintsAddressHint: 'Grove принимает почту только для этого адреса и отклоняет всё остальное.',
  endpointOn: 'Grove принимает эту почту сам: его SMTP-приёмник слушает порт {{port}} (адрес {{host}}).',
  endpointOff:
    'SMTP-приёмник Grove выключен. Запустите сервер с GROVE_SMTP_PORT (например, 2525), чтобы включить его, и с GROVE_SMTP_HOST, чтобы выбрать адрес, который он слушает.',
  howTo: 'Чтобы почта попадала в Grove, можно:',
  howToMx:
    'направить MX-запись домена этого ящика на этот сервер (тогда приёмник должен быть доступен на порту 25, например через перенаправление порта 25).',
  howToForward:
    'оставить ящик на вашем почтовом сервере и пересылать (relay) его почту на этот сервер на порт приёмника — обычный вариант: фильтрацию спама и TLS тогда берёт на себя ваш почтовый сервер; или',
  howToLimits: 'Письма до 10 МБ; без входа; повторно доставленное письмо (тот же Message-ID) принимается один раз.',
} satisfies DeepString<typeof mailEn>;
