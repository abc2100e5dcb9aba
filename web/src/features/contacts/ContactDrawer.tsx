import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { Alert, Button, Divider, Drawer, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src/modules/accounts/accounts.contracts';
import {
  type Attitude,
  type BuyingRole,
  CreateContactRequest,
  UpdateContactRequest,
} from '../../../../src/modules/contacts/contacts.contracts';
import { ApiError } from '../../app/api';
import { notifySuccess, showServerError, zodValidate } from '../../ui/formErrors';
import { ArchiveConfirm, useToggleArchived } from './ArchiveConfirm';
import { attitudeOptions, buyingRoleOptions, levels } from './contactOptions';
import { type Contact, contactsApi, useRefreshAfterChange } from './contactsApi';
import { RelationOwnerSelect, ReportsToSelect } from './PeopleSelects';

interface Values {
  fullName: string;
  title: string;
  email: string;
  phone: string;
  buyingRole: BuyingRole | null;
  influence: string | null;
  attitude: Attitude | null;
  relationshipStrength: string | null;
  relationOwnerId: string | null;
  reportsToId: string | null;
  lastContactOn: string | null;
  notes: string;
}

const valuesOf = (c: Contact | null): Values => ({
  fullName: c?.fullName ?? '',
  title: c?.title ?? '',
  email: c?.email ?? '',
  phone: c?.phone ?? '',
  buyingRole: c?.buyingRole ?? null,
  influence: c?.influence ? String(c.influence) : null,
  attitude: c?.attitude ?? null,
  relationshipStrength: c?.relationshipStrength ? String(c.relationshipStrength) : null,
  relationOwnerId: c?.relationOwner?.id ?? null,
  reportsToId: c?.reportsTo?.id ?? null,
  lastContactOn: c?.lastContactOn ?? null,
  notes: c?.notes ?? '',
});

const text = (v: string) => (v.trim() === '' ? null : v.trim());
const toRequest = (v: Values): CreateContactRequest => ({
  fullName: v.fullName.trim(),
  title: text(v.title),
  email: text(v.email),
  phone: text(v.phone),
  buyingRole: v.buyingRole,
  influence: v.influence ? Number(v.influence) : null,
  attitude: v.attitude,
  relationshipStrength: v.relationshipStrength ? Number(v.relationshipStrength) : null,
  relationOwnerId: v.relationOwnerId,
  reportsToId: v.reportsToId,
  lastContactOn: v.lastContactOn,
  notes: text(v.notes),
});

/** 27.11.2026 or 2026-11-27 typed into the date field. */
function parseDay(input: string): string | null {
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(input.trim());
  if (ru) return `${ru[3]}-${ru[2]!.padStart(2, '0')}-${ru[1]!.padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(input.trim()) ? input.trim() : null;
}

interface Props {
  account: Account;
  /** `null` with `opened`: a new stakeholder */
  contact: Contact | null;
  opened: boolean;
  onClose: () => void;
  /** the account's current stakeholders (for reports-to) */
  people: Contact[];
}

/** Add or edit a stakeholder; archive or restore one. */
export function ContactDrawer({ account, contact, opened, onClose, people }: Props) {
  const { t } = useTranslation();
  const title = !contact
    ? t('contacts.drawer.newTitle')
    : account.can.edit
      ? t('contacts.drawer.editTitle')
      : t('contacts.drawer.viewTitle');
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size={520} title={title}>
      {opened && <ContactForm key={contact?.id ?? 'new'} account={account} contact={contact} people={people} onDone={onClose} />}
    </Drawer>
  );
}

function ContactForm({
  account,
  contact,
  people,
  onDone,
}: {
  account: Account;
  contact: Contact | null;
  people: Contact[];
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshAfterChange(account.id);
  const [archiving, setArchiving] = useState(false);
  const restore = useToggleArchived(account.id, onDone);
  const readOnly = !account.can.edit || !!contact?.archived;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(contact),
    validate: contact
      ? zodValidate<Values>(UpdateContactRequest, (v) => ({ ...toRequest(v), version: contact.version }))
      : zodValidate<Values>(CreateContactRequest, toRequest),
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      contact
        ? contactsApi.update(contact.id, { ...toRequest(v), version: contact.version })
        : contactsApi.create(account.id, toRequest(v)),
    onSuccess: async (saved) => {
      notifySuccess(contact ? t('contacts.toast.saved') : t('contacts.toast.added', { name: saved.fullName }));
      await refresh();
      onDone();
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409 && error.code === 'CONFLICT') {
        showServerError(new ApiError(409, error.code, t('contacts.toast.conflict')));
        await refresh({ timeline: false });
        onDone();
        return;
      }
      showServerError(error, form);
    },
  });
  const lang = i18n.resolvedLanguage ?? 'en';
  const level = (kind: 'influenceLevels' | 'strengthLevels') =>
    levels.map((l) => ({ value: l, label: `${l} · ${t(`contacts.${kind}.${l}`)}` }));

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="contact-form">
      <Stack gap="sm">
        {contact?.archived && (
          <Alert color="gray" icon={<IconArchive size={16} />}>
            {t('contacts.drawer.archivedNote')}
          </Alert>
        )}
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          {t('contacts.drawer.person')}
        </Text>
        <TextInput
          label={t('contacts.fields.fullName')}
          placeholder={t('contacts.placeholders.fullName')}
          withAsterisk
          data-autofocus
          readOnly={readOnly}
          {...form.getInputProps('fullName')}
        />
        <TextInput
          label={t('contacts.fields.title')}
          placeholder={t('contacts.placeholders.title')}
          readOnly={readOnly}
          {...form.getInputProps('title')}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={t('contacts.fields.email')} type="email" readOnly={readOnly} {...form.getInputProps('email')} />
          <TextInput label={t('contacts.fields.phone')} type="tel" readOnly={readOnly} {...form.getInputProps('phone')} />
        </SimpleGrid>
        <Select
          label={t('contacts.fields.buyingRole')}
          description={t('contacts.hints.buyingRole')}
          placeholder={t('contacts.placeholders.none')}
          data={buyingRoleOptions(t)}
          clearable
          readOnly={readOnly}
          {...form.getInputProps('buyingRole')}
        />
        <ReportsToSelect
          contacts={people.filter((p) => p.id !== contact?.id)}
          self={contact?.id ?? null}
          current={contact?.reportsTo ?? null}
          value={form.values.reportsToId}
          onChange={(id) => form.setFieldValue('reportsToId', id)}
          error={form.errors.reportsToId}
          disabled={readOnly}
        />
        <Divider my={4} />
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          {t('contacts.drawer.relation')}
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label={t('contacts.fields.attitude')}
            placeholder={t('contacts.placeholders.none')}
            data={attitudeOptions(t)}
            clearable
            readOnly={readOnly}
            {...form.getInputProps('attitude')}
          />
          <Select
            label={t('contacts.fields.influence')}
            placeholder={t('contacts.placeholders.none')}
            data={level('influenceLevels')}
            clearable
            readOnly={readOnly}
            {...form.getInputProps('influence')}
          />
          <Select
            label={t('contacts.fields.relationshipStrength')}
            placeholder={t('contacts.placeholders.none')}
            data={level('strengthLevels')}
            clearable
            readOnly={readOnly}
            {...form.getInputProps('relationshipStrength')}
          />
          <DateInput
            label={t('contacts.fields.lastContactOn')}
            placeholder={lang === 'ru' ? 'ДД.ММ.ГГГГ' : 'YYYY-MM-DD'}
            valueFormat={lang === 'ru' ? 'DD.MM.YYYY' : 'MMM D, YYYY'}
            dateParser={parseDay}
            locale={lang}
            maxDate={new Date()}
            clearable
            readOnly={readOnly}
            {...form.getInputProps('lastContactOn')}
          />
        </SimpleGrid>
        <RelationOwnerSelect
          account={account}
          current={contact?.relationOwner ?? null}
          value={form.values.relationOwnerId}
          onChange={(id) => form.setFieldValue('relationOwnerId', id)}
          error={form.errors.relationOwnerId}
          disabled={readOnly}
        />
        <Textarea
          label={t('contacts.fields.notes')}
          autosize
          minRows={2}
          maxRows={8}
          readOnly={readOnly}
          {...form.getInputProps('notes')}
        />
        {account.can.edit && (
          <Group justify="space-between" mt="xs">
            {contact ? (
              <Button
                variant="subtle"
                color={contact.archived ? 'teal' : 'red'}
                leftSection={contact.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
                onClick={() => (contact.archived ? restore.mutate(contact) : setArchiving(true))}
                loading={restore.isPending}
                data-testid="contact-archive"
              >
                {contact.archived ? t('contacts.actions.restore') : t('contacts.actions.archive')}
              </Button>
            ) : (
              <span />
            )}
            {!contact?.archived && (
              <Button type="submit" loading={save.isPending} disabled={!!contact && !form.isDirty()} data-testid="contact-submit">
                {contact ? t('contacts.drawer.save') : t('contacts.drawer.create')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ArchiveConfirm
        accountId={account.id}
        contact={archiving ? contact : null}
        onClose={() => setArchiving(false)}
        onDone={() => {
          setArchiving(false);
          onDone();
        }}
      />
    </form>
  );
}
