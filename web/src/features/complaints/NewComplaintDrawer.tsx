import { Button, Checkbox, Drawer, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { useContacts } from '../contacts/contactsApi';
import { AccountPicker } from '../interactions/AccountPicker';
import { type ComplaintDetail, type ComplaintSeverity, complaintsApi, useComplaintAction } from './complaintsApi';

const OTHER = '__other__';
const severities: ComplaintSeverity[] = ['low', 'normal', 'high', 'critical'];

interface Values {
  accountId: string | null;
  subject: string;
  description: string;
  severity: ComplaintSeverity;
  category: string;
  contact: string | null;
  contactEmail: string;
  contactName: string;
  clientLocale: 'en' | 'ru';
  orderId: string;
  legalClaim: boolean;
}

/** Writing a complaint down (a call, a visit): the SLA clocks start at once and the client gets an acknowledgement. */
export function NewComplaintDrawer({
  opened,
  onClose,
  accountId,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  accountId?: string;
  onCreated: (c: ComplaintDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const form = useForm<Values>({
    initialValues: {
      accountId: accountId ?? null,
      subject: '',
      description: '',
      severity: 'normal',
      category: '',
      contact: null,
      contactEmail: '',
      contactName: '',
      clientLocale: i18n.resolvedLanguage === 'en' ? 'en' : 'ru',
      orderId: '',
      legalClaim: false,
    },
    validate: {
      accountId: (v) => (v ? null : t('service.form.required')),
      subject: (v) => (v.trim() ? null : t('service.form.required')),
      contactEmail: (v, values) => (values.contact === OTHER && !/^\S+@\S+\.\S+$/.test(v.trim()) ? t('service.form.required') : null),
    },
  });
  const v = form.getValues();
  const contacts = useContacts(v.accountId ?? '00000000-0000-0000-0000-000000000000', 'false');
  const contactOptions = v.accountId
    ? [
        ...(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.email ? `${c.fullName} · ${c.email}` : c.fullName })),
        { value: OTHER, label: t('service.form.other') },
      ]
    : [];
  const create = useComplaintAction(
    (x: Values) =>
      complaintsApi.create({
        accountId: x.accountId ?? undefined,
        subject: x.subject.trim(),
        description: x.description.trim() || undefined,
        severity: x.severity,
        category: x.category.trim() || undefined,
        contactId: x.contact && x.contact !== OTHER ? x.contact : undefined,
        contactEmail: x.contact === OTHER ? x.contactEmail.trim() : undefined,
        contactName: x.contact === OTHER ? x.contactName.trim() || undefined : undefined,
        clientLocale: x.clientLocale,
        orderId: x.orderId.trim() || undefined,
        legalClaim: x.legalClaim,
      }),
    (c) => {
      notifySuccess(t('service.form.created', { reference: c.reference }));
      form.reset();
      onCreated(c);
    },
  );

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={t('service.form.title')}>
      <form
        onSubmit={form.onSubmit((x) =>
          create.mutate(x, { onError: (e) => showServerError(e, form, (p) => (p === 'contactId' ? 'contact' : p)) }),
        )}
        noValidate
        data-testid="new-complaint-form"
      >
        <Stack gap="sm">
          <AccountPicker
            label={t('service.form.account')}
            withAsterisk
            value={v.accountId}
            onChange={(id) => {
              form.setFieldValue('accountId', id);
              form.setFieldValue('contact', null);
            }}
            error={form.errors.accountId}
          />
          <TextInput
            label={t('service.form.subject')}
            placeholder={t('service.form.subjectPlaceholder')}
            withAsterisk
            {...form.getInputProps('subject')}
          />
          <Textarea label={t('service.form.description')} autosize minRows={3} maxRows={10} {...form.getInputProps('description')} />
          <SimpleGrid cols={2}>
            <Select
              label={t('service.form.severity')}
              data={severities.map((s) => ({ value: s, label: t(`service.severities.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps('severity')}
            />
            <TextInput
              label={t('service.form.category')}
              placeholder={t('service.form.categoryPlaceholder')}
              {...form.getInputProps('category')}
            />
          </SimpleGrid>
          <Select
            label={t('service.form.contact')}
            placeholder={v.accountId ? t('service.form.contactPlaceholder') : t('service.form.pickAccountFirst')}
            data={contactOptions}
            disabled={!v.accountId}
            searchable
            clearable
            {...form.getInputProps('contact')}
          />
          {v.contact === OTHER && (
            <SimpleGrid cols={2}>
              <TextInput label={t('service.form.contactEmail')} type="email" withAsterisk {...form.getInputProps('contactEmail')} />
              <TextInput label={t('service.form.contactName')} {...form.getInputProps('contactName')} />
            </SimpleGrid>
          )}
          <SimpleGrid cols={2}>
            <Select
              label={t('service.form.clientLocale')}
              description={t('service.form.clientLocaleHint')}
              data={(['ru', 'en'] as const).map((l) => ({ value: l, label: t(`service.locales.${l}`) }))}
              allowDeselect={false}
              {...form.getInputProps('clientLocale')}
            />
            <TextInput label={t('service.form.orderId')} {...form.getInputProps('orderId')} />
          </SimpleGrid>
          <Checkbox
            label={t('service.form.legalClaim')}
            description={t('service.form.legalClaimHint')}
            {...form.getInputProps('legalClaim', { type: 'checkbox' })}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('service.actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="new-complaint-submit">
              {t('service.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
