import { ActionIcon, Badge, Box, Button, Group, Indicator, Loader, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell, IconBellOff } from '@tabler/icons-react';
import { useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay } from '../../i18n/format';
import { type Notification, useInbox, useMarkAllRead, useMarkRead, useUnreadCount } from './notificationsApi';

/** The text of a notification in the reader's language, from its kind and payload. */
export function useNotificationText() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  return (n: Notification): string => {
    const p = n.payload;
    const str = (k: string) => (p[k] === null || p[k] === undefined ? '' : String(p[k]));
    const day = (k: string) => (str(k) ? formatDay(str(k), lang) : '');
    switch (n.kind) {
      case 'task_assigned':
      case 'mention':
        return t(`notifications.text.${n.kind}`, { by: str('by'), title: str('title') });
      case 'task_due':
        return t('notifications.text.task_due', { title: str('title') });
      case 'task_overdue':
        return t('notifications.text.task_overdue', { title: str('title'), date: day('dueDate') });
      case 'plan_reminder': {
        const time = str('time')
          ? new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-US', { hour: '2-digit', minute: '2-digit' }).format(new Date(str('time')))
          : '';
        return t('notifications.text.plan_reminder', {
          time,
          type: t(`interactions.types.${str('type')}`, { defaultValue: str('type') }),
          account: str('accountName'),
        });
      }
      case 'absence_started':
      case 'absence_ended':
        return t(`notifications.text.${n.kind}.${str('role') === 'deputy' ? 'deputy' : 'absent'}`, {
          user: str('userName'),
          deputy: str('deputyName'),
          lastDay: day('lastDay'),
        });
      case 'request_status':
        return t(str('reason') ? 'notifications.text.request_status_reason' : 'notifications.text.request_status', {
          by: str('by'),
          reference: str('reference'),
          title: str('title'),
          account: str('account'),
          status: t(`requests.statuses.${str('status')}`, { defaultValue: str('status') }).toLowerCase(),
          reason: str('reason'),
        });
      case 'request_overdue':
        return t(str('stage') === 'warning' ? 'notifications.text.request_warning' : 'notifications.text.request_overdue', {
          reference: str('reference'),
          title: str('title'),
          account: str('account'),
        });
      default:
        return '';
    }
  };
}

/** The bell in the header: the unread count, and the inbox in a popover. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const count = useUnreadCount().data?.unread ?? 0;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={400} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator
          label={count > 99 ? '99+' : count}
          size={16}
          color="red"
          offset={4}
          disabled={count === 0}
          data-testid="notification-badge"
          data-count={count}
        >
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={count ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
          >
            <IconBell size={18} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notification-inbox">
        {opened && <Inbox unread={count} onClose={() => setOpened(false)} />}
      </Popover.Dropdown>
    </Popover>
  );
}

function Inbox({ unread, onClose }: { unread: number; onClose: () => void }) {
  const { t } = useTranslation();
  const inbox = useInbox(true);
  const markAll = useMarkAllRead();
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Text fw={600}>{t('notifications.title')}</Text>
        <Button
          variant="subtle"
          size="compact-sm"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notifications-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      {inbox.isPending ? (
        <Group justify="center" p="lg">
          <Loader size="sm" />
        </Group>
      ) : items.length === 0 ? (
        <Stack align="center" gap={6} p="lg" data-testid="notifications-empty">
          <IconBellOff size={28} color="var(--mantine-color-dimmed)" />
          <Text fw={600}>{t('notifications.empty.title')}</Text>
          <Text size="sm" c="dimmed" ta="center">
            {t('notifications.empty.text')}
          </Text>
        </Stack>
      ) : (
        <ScrollArea.Autosize mah={440}>
          <Stack gap={0}>
            {items.map((n) => (
              <Item key={n.id} n={n} onOpen={onClose} />
            ))}
            {inbox.hasNextPage && (
              <Button variant="subtle" m="xs" loading={inbox.isFetchingNextPage} onClick={() => inbox.fetchNextPage()}>
                {t('notifications.loadMore')}
              </Button>
            )}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </>
  );
}

function Item({ n, onOpen }: { n: Notification; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const text = useNotificationText();
  const markRead = useMarkRead();
  const router = useRouter();
  const unread = !n.readAt;
  const open = () => {
    if (unread) markRead.mutate(n.id);
    onOpen();
    if (n.link) router.history.push(n.link);
  };
  const excerpt = n.kind === 'mention' && n.payload.excerpt ? String(n.payload.excerpt) : null;
  return (
    <UnstyledButton
      onClick={open}
      px="md"
      py="sm"
      data-testid="notification-item"
      data-kind={n.kind}
      data-unread={unread}
      style={{
        borderBottom: '1px solid var(--mantine-color-default-border)',
        background: unread ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={unread ? 600 : 400}>
            {text(n)}
          </Text>
          {excerpt && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {excerpt}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={2}>
            {formatDateTime(n.createdAt, i18n.resolvedLanguage ?? 'en')}
          </Text>
        </Box>
        {unread && (
          <Badge size="xs" variant="filled" color="red">
            {t('notifications.unread')}
          </Badge>
        )}
      </Group>
    </UnstyledButton>
  );
}
