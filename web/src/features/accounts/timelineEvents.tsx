import { Box, Group, Paper, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArchive,
  IconArchiveOff,
  IconArrowsExchange,
  IconBolt,
  IconCalendarEvent,
  IconChecklist,
  IconClipboardText,
  IconNote,
  IconPencil,
  IconPlus,
  IconProgress,
  IconStar,
  IconSwords,
  IconFileImport,
  IconUserPlus,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { formatDate, formatDateTime, formatMoney } from '../../i18n/format';
import { accountStoryFields } from '../../../../src/modules/accounts/accounts.contracts';
import { actKinds } from '../../../../src/modules/acts/acts.contracts';
import { complaintSeverities } from '../../../../src/modules/complaints/complaints.contracts';
import { requestDepartments } from '../../../../src/modules/requests/requests.contracts';
import { interactionStatuses, interactionTypes } from '../../../../src/modules/interactions/interactions.contracts';
import type { Account, TimelineEvent } from './accountsApi';
import { formatWhen } from './format';

/** Groups of the timeline filter; each stands for kinds (`module.*` = every kind of a module). */
export const timelineGroups = {
  all: [],
  notes: ['note.*'],
  account: ['account.*', 'tier.*', 'status.*', 'ownership.*', 'team.*', 'score.*'],
  stakeholders: ['contact.*', 'contacts.*'],
  plan: ['plan.*'],
  competitors: ['competitor.*'],
  interactions: ['interaction.*'],
  complaints: ['complaint.*', 'request.*', 'act.*'],
  tasks: ['task.*'],
} as const satisfies Record<string, readonly string[]>;
export type TimelineGroup = keyof typeof timelineGroups;

type Data = Record<string, unknown>;
/** The value when it is one of the known keys (event data is JSON written by the server). */
const oneOfKeys = <T extends string>(v: unknown, keys: readonly T[]): T | null => (keys.includes(v as T) ? (v as T) : null);
const planSections = ['businessGoals', 'review', 'needs', 'solutions', 'goals', 'swot', 'opportunities'] as const;
type PlanSection = (typeof planSections)[number];
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const person = (v: unknown): string | null =>
  v && typeof v === 'object' && 'name' in v && typeof (v as { name: unknown }).name === 'string' ? (v as { name: string }).name : null;

interface Rendered {
  icon: typeof IconNote;
  color: string;
  sentence: string;
  body?: ReactNode;
}

interface Ctx {
  t: TFunction;
  lang: string;
  account: Account;
  actor: string;
}

const day = (value: unknown, lang: string) => {
  const s = str(value);
  if (!s) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? formatDate(`${s}T12:00:00Z`, lang, 'UTC') : formatDate(s, lang);
};

function tierLabel(t: TFunction, v: unknown): string {
  return v === 'key' || v === 'potential' || v === 'regular' ? t(`accounts.tier.${v}`) : String(v ?? '—');
}
function statusLabel(t: TFunction, v: unknown): string {
  return v === 'prospect' || v === 'active' || v === 'at_risk' || v === 'lost' ? t(`accounts.status.${v}`) : String(v ?? '—');
}

const knownFields = new Set<string>(accountStoryFields);

function fieldLabel(t: TFunction, field: string): string {
  return knownFields.has(field) ? t(`accounts.fields.${field as 'name'}`) : field;
}

function fieldValue(c: Ctx, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'channel' && typeof value === 'string' && ['b2b', 'b2c', 'ecommerce', 'retail'].includes(value))
    return c.t(`accounts.channel.${value as 'b2b'}`);
  if (field === 'creditLimit' && typeof value === 'string') return formatMoney(value, c.account.currency, c.lang);
  if (field === 'paymentTermsDays') return c.t('accounts.days', { n: String(value) });
  return String(value);
}

function quote(text: string): ReactNode {
  return (
    <Paper withBorder p="sm" radius="md" bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-6))">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text}
      </Text>
    </Paper>
  );
}

function render(e: TimelineEvent, c: Ctx): Rendered {
  const { t } = c;
  const d = e.data as Data;
  const actor = c.actor;
  switch (e.kind) {
    case 'account.created':
      return {
        icon: IconPlus,
        color: 'teal',
        sentence: d.via === 'import' ? t('accounts.timeline.imported') : t('accounts.timeline.created', { actor }),
      };
    case 'account.archived':
      return { icon: IconArchive, color: 'gray', sentence: t('accounts.timeline.archived', { actor }) };
    case 'account.restored':
      return { icon: IconArchiveOff, color: 'teal', sentence: t('accounts.timeline.restored', { actor }) };
    case 'account.updated': {
      if (d.via === 'import') return { icon: IconFileImport, color: 'blue', sentence: t('accounts.timeline.importUpdated') };
      const changes = Array.isArray(d.changes) ? (d.changes as { field: string; from: unknown; to: unknown }[]) : [];
      return {
        icon: IconPencil,
        color: 'blue',
        sentence: t('accounts.timeline.updated', { actor, fields: changes.map((ch) => fieldLabel(t, ch.field).toLowerCase()).join(', ') }),
        body: changes.length ? (
          <Stack gap={2}>
            {changes.map((ch) => (
              <Text key={ch.field} size="sm" c="dimmed">
                {fieldLabel(t, ch.field)}: <s>{fieldValue(c, ch.field, ch.from)}</s> → <b>{fieldValue(c, ch.field, ch.to)}</b>
              </Text>
            ))}
          </Stack>
        ) : undefined,
      };
    }
    case 'tier.changed':
      return {
        icon: IconStar,
        color: 'violet',
        sentence:
          t('accounts.timeline.tierChanged', { actor, from: tierLabel(t, d.from), to: tierLabel(t, d.to) }) +
          (d.reason === 'retiering' ? ` ${t('accounts.timeline.byRetiering')}` : ''),
        body:
          d.reason === 'retiering'
            ? str(d.note)
              ? quote(str(d.note) as string)
              : undefined
            : str(d.reason)
              ? quote(str(d.reason) as string)
              : undefined,
      };
    case 'score.changed':
      return {
        icon: IconStar,
        color: 'violet',
        sentence: t('accounts.timeline.scoreChanged', { actor, from: d.from ?? '—', to: d.to ?? '—' }),
      };
    case 'team.changed': {
      const names = (v: unknown) => (Array.isArray(v) ? v.map(person).filter(Boolean).join(', ') : '');
      const added = names(d.added);
      const removed = names(d.removed);
      return {
        icon: IconUsersGroup,
        color: 'indigo',
        sentence: t('accounts.timeline.teamChanged', { actor }),
        body:
          added || removed ? (
            <Stack gap={2}>
              {added && (
                <Text size="sm" c="dimmed">
                  {t('accounts.timeline.teamAdded', { names: added })}
                </Text>
              )}
              {removed && (
                <Text size="sm" c="dimmed">
                  {t('accounts.timeline.teamRemoved', { names: removed })}
                </Text>
              )}
            </Stack>
          ) : undefined,
      };
    }
    case 'status.changed': {
      const lost = d.to === 'lost';
      return {
        icon: IconProgress,
        color: lost ? 'red' : d.to === 'at_risk' ? 'orange' : 'teal',
        sentence: lost
          ? t('accounts.timeline.markedLost', { actor, date: day(d.lostDate, c.lang) })
          : t('accounts.timeline.statusChanged', { actor, from: statusLabel(t, d.from), to: statusLabel(t, d.to) }),
        body: lost && str(d.lostReason) ? quote(str(d.lostReason) as string) : undefined,
      };
    }
    case 'note.added':
      return { icon: IconNote, color: 'yellow', sentence: t('accounts.timeline.note', { actor }), body: quote(str(d.body) ?? '') };
    case 'ownership.changed': {
      const from = person(d.from);
      const to = person(d.to) ?? '—';
      const date = day(d.startDate, c.lang);
      return {
        icon: IconArrowsExchange,
        color: 'indigo',
        sentence: from ? t('accounts.timeline.handedOver', { from, to, date }) : t('accounts.timeline.ownerSet', { to, date }),
        body: str(d.note) ? quote(str(d.note) as string) : undefined,
      };
    }
    case 'plan.updated': {
      const section = str(d.section);
      const label = section && planSections.includes(section as PlanSection) ? t(`plans.${section as PlanSection}.title`) : section;
      return {
        icon: IconClipboardText,
        color: 'cyan',
        sentence: label ? t('accounts.timeline.planSection', { actor, section: label }) : t('accounts.timeline.plan', { actor }),
        body: str(d.title) ? (
          <Text size="sm" c="dimmed">
            {str(d.title)}
          </Text>
        ) : undefined,
      };
    }
    case 'contact.added':
      return { icon: IconUserPlus, color: 'grape', sentence: t('accounts.timeline.contactAdded', { actor, name: str(d.name) ?? '—' }) };
    case 'contact.updated':
      return { icon: IconPencil, color: 'grape', sentence: t('accounts.timeline.contactUpdated', { actor, name: str(d.name) ?? '—' }) };
    case 'contact.archived':
      return { icon: IconArchive, color: 'gray', sentence: t('accounts.timeline.contactArchived', { actor, name: str(d.name) ?? '—' }) };
    case 'contact.restored':
      return {
        icon: IconArchiveOff,
        color: 'grape',
        sentence: t('accounts.timeline.contactRestored', { actor, name: str(d.name) ?? '—' }),
      };
    case 'contacts.imported':
      return {
        icon: IconFileImport,
        color: 'grape',
        sentence: t('accounts.timeline.contactsImported', { added: Number(d.added ?? 0), updated: Number(d.updated ?? 0) }),
      };
    case 'competitor.presence': {
      const name = str(d.name) ?? '—';
      const level = (v: unknown) => (v === 'low' || v === 'medium' || v === 'high' ? t(`competitors.threat.${v}`) : null);
      const threat = level(d.threat);
      const before = level(d.previousThreat);
      return {
        icon: IconSwords,
        color: d.threat === 'high' ? 'red' : 'orange',
        sentence:
          d.action === 'removed'
            ? t('accounts.timeline.competitorRemoved', { actor, name })
            : threat && before && before !== threat
              ? t('accounts.timeline.competitorThreatChanged', { actor, name, from: before, to: threat })
              : threat
                ? t('accounts.timeline.competitorThreat', { actor, name, threat })
                : t('accounts.timeline.competitor', { actor, name }),
      };
    }
    case 'interaction.logged': {
      const type = oneOfKeys(d.type, interactionTypes);
      const status = oneOfKeys(d.status, interactionStatuses);
      const subject = str(d.subject);
      const outcome = str(d.outcome);
      const nextStep = str(d.nextStep);
      return {
        icon: IconCalendarEvent,
        color: d.status === 'done' ? 'teal' : d.status === 'cancelled' ? 'gray' : 'blue',
        sentence: t('accounts.timeline.interaction', {
          type: type ? t(`accounts.timeline.interactionTypes.${type}`) : String(d.type ?? '—'),
          user: person(d.user) ?? '—',
          status: status ? t(`accounts.timeline.interactionStatuses.${status}`) : String(d.status ?? '—'),
        }),
        body:
          subject || outcome || nextStep || d.allDay === true ? (
            <>
              {(subject || d.allDay === true) && (
                <Text size="sm" c="dimmed">
                  {[subject, d.allDay === true ? t('accounts.timeline.allDay') : null].filter(Boolean).join(' · ')}
                </Text>
              )}
              {outcome && <Text size="sm">{outcome}</Text>}
              {nextStep && (
                <Text size="sm" c="dimmed">
                  {t('accounts.timeline.nextStep', { step: nextStep })}
                </Text>
              )}
            </>
          ) : undefined,
      };
    }
    case 'complaint.received': {
      const severity = oneOfKeys(d.severity, complaintSeverities);
      const category = str(d.category);
      const notes = [
        category ? t('accounts.timeline.complaintCategory', { category }) : null,
        d.justified === true
          ? t('accounts.timeline.complaintJustified')
          : d.justified === false
            ? t('accounts.timeline.complaintUnjustified')
            : null,
      ].filter(Boolean);
      return {
        icon: IconAlertTriangle,
        color: d.severity === 'critical' || d.severity === 'high' ? 'red' : 'orange',
        sentence: t('accounts.timeline.complaint', {
          severity: severity ? t(`accounts.timeline.complaintSeverities.${severity}`) : String(d.severity ?? '—'),
        }),
        body: notes.length ? (
          <Text size="sm" c="dimmed">
            {notes.join(' · ')}
          </Text>
        ) : undefined,
      };
    }
    case 'task.created':
    case 'task.done':
    case 'task.cancelled': {
      const due = str(d.dueDate);
      return {
        icon: IconChecklist,
        color: e.kind === 'task.done' ? 'teal' : e.kind === 'task.cancelled' ? 'gray' : 'blue',
        sentence: t(
          `accounts.timeline.${e.kind === 'task.created' ? 'taskCreated' : e.kind === 'task.done' ? 'taskDone' : 'taskCancelled'}`,
          {
            actor,
            assignee: person(d.assignee) ?? '—',
          },
        ),
        body: (
          <Text size="sm" c="dimmed">
            {[str(d.title), due ? t('accounts.timeline.taskDue', { date: day(due, c.lang) }) : null].filter(Boolean).join(' · ')}
          </Text>
        ),
      };
    }
    case 'complaint.resolved':
      return {
        icon: IconChecklist,
        color: 'teal',
        sentence: t('accounts.timeline.complaintResolved', { actor, reference: str(d.complaintId) ?? '—' }),
        body: str(d.rootCause) ? (
          <Text size="sm" c="dimmed">
            {t('accounts.timeline.rootCause', { cause: str(d.rootCause) })}
          </Text>
        ) : undefined,
      };
    case 'request.raised':
    case 'request.done': {
      const department = oneOfKeys(d.department, requestDepartments);
      return {
        icon: IconClipboardText,
        color: e.kind === 'request.done' ? 'teal' : 'blue',
        sentence: t(e.kind === 'request.done' ? 'accounts.timeline.requestDone' : 'accounts.timeline.requestRaised', {
          actor,
          reference: str(d.reference) ?? '—',
          department: department ? t(`requests.departments.${department}`) : String(d.department ?? '—'),
        }),
        body: str(d.title) ? <Text size="sm">{str(d.title)}</Text> : undefined,
      };
    }
    case 'act.recorded':
    case 'act.signed': {
      const kind = oneOfKeys(d.kind, actKinds);
      return {
        icon: IconClipboardText,
        color: e.kind === 'act.signed' ? 'orange' : 'gray',
        sentence: t(e.kind === 'act.signed' ? 'accounts.timeline.actSigned' : 'accounts.timeline.actRecorded', {
          actor,
          reference: str(d.reference) ?? '—',
          kind: kind ? t(`acts.kinds.${kind}`) : String(d.kind ?? '—'),
          order: str(d.orderId) ?? '—',
        }),
      };
    }
    default:
      return { icon: IconBolt, color: 'gray', sentence: t('accounts.timeline.generic', { actor, kind: e.kind }) };
  }
}

export function TimelineItem({ event, account }: { event: TimelineEvent; account: Account }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const actor = event.actor?.name ?? t('accounts.timeline.system');
  const r = render(event, { t, lang, account, actor });
  const Icon = r.icon;
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap" data-testid="timeline-item" data-kind={event.kind}>
      <ThemeIcon variant="light" color={r.color} radius="xl" size={30} style={{ flexShrink: 0 }}>
        <Icon size={16} />
      </ThemeIcon>
      <Stack gap={6} style={{ flex: 1, minWidth: 0 }} pt={4}>
        <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-start">
          <Text size="sm">{r.sentence}</Text>
          <Tooltip label={formatDateTime(event.occurredAt, lang, me.company.timeZone)} openDelay={300}>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatWhen(event.occurredAt, lang, me.company.timeZone)}
            </Text>
          </Tooltip>
        </Group>
        {r.body && <Box>{r.body}</Box>}
      </Stack>
    </Group>
  );
}
