import { Button, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src/modules/accounts/accounts.contracts';
import { threatLevels } from '../../../../src/modules/competitors/competitors.contracts';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { DayInput } from '../plans/planUi';
import { type Presence, type ThreatLevel, useCompetitorList, usePresenceChange, useSaveCompetitor } from './competitorsApi';

interface Values {
  competitorId: string | null;
  threat: ThreatLevel;
  shareOfWallet: number | string;
  priceIndex: number | string;
  products: string;
  priceNotes: string;
  lastObserved: string | null;
  notes: string;
}

const NEW = 'new:';
const num = (v: number | string) => (typeof v === 'number' ? v : null);
const text = (v: string) => v.trim() || null;

/** Record a competitor at the account, or change what we know of it. A new name joins the catalogue. */
export function PresenceModal({
  account,
  presence,
  totalShare,
  onClose,
}: {
  account: Account;
  presence: Presence | null;
  totalShare: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const change = usePresenceChange(account.id);
  const createCompetitor = useSaveCompetitor();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const options = useCompetitorList({ q, archived: 'false', limit: 30, offset: 0 });
  const form = useForm<Values>({
    initialValues: {
      competitorId: presence?.competitor.id ?? null,
      threat: presence?.threat ?? 'medium',
      shareOfWallet: presence?.shareOfWallet ?? '',
      priceIndex: presence?.priceIndex ?? '',
      products: presence?.products ?? '',
      priceNotes: presence?.priceNotes ?? '',
      lastObserved: presence?.lastObserved ?? new Date().toISOString().slice(0, 10),
      notes: presence?.notes ?? '',
    },
    validate: { competitorId: (v) => (v ? null : t('validation.required')) },
  });
  const typed = search.trim();
  const known = options.data?.items ?? [];
  const chosenNew = form.values.competitorId?.startsWith(NEW) ? form.values.competitorId.slice(NEW.length) : null;
  const newName = typed && !known.some((c) => c.name.toLowerCase() === typed.toLowerCase()) ? typed : chosenNew;
  // a name not in the catalogue is offered as a new competitor; the label stays the name itself
  const data = [...known.map((c) => ({ value: c.id, label: c.name })), ...(newName ? [{ value: `${NEW}${newName}`, label: newName }] : [])];
  const shareLeft = 100 - totalShare + (presence?.shareOfWallet ?? 0);

  const submit = async (v: Values) => {
    let competitorId = v.competitorId;
    if (competitorId?.startsWith(NEW)) {
      try {
        competitorId = (await createCompetitor.mutateAsync({ body: { name: competitorId.slice(NEW.length) } })).id;
        form.setFieldValue('competitorId', competitorId);
      } catch (error) {
        return showServerError(error, form, (p) => (p === 'name' ? 'competitorId' : null));
      }
    }
    const fields = {
      threat: v.threat,
      shareOfWallet: num(v.shareOfWallet),
      priceIndex: num(v.priceIndex),
      products: text(v.products),
      priceNotes: text(v.priceNotes),
      lastObserved: v.lastObserved,
      notes: text(v.notes),
    };
    change.mutate(
      presence
        ? { method: 'patch', id: presence.id, body: { ...fields, version: presence.version } }
        : { method: 'post', body: { competitorId, ...fields } },
      {
        onSuccess: () => {
          notifySuccess(t('competitors.saved'));
          onClose();
        },
        onError: (error) => showServerError(error, form),
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      centered
      title={
        presence
          ? t('competitors.tab.editTitle', { name: presence.competitor.name })
          : t('competitors.tab.addTitle', { account: account.name })
      }
    >
      <form onSubmit={form.onSubmit(submit)} noValidate data-testid="presence-form">
        <Stack gap="sm">
          {!presence && (
            <Select
              label={t('competitors.tab.competitor')}
              placeholder={t('competitors.tab.competitorPlaceholder')}
              required
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              data={data}
              filter={({ options: all }) => all}
              renderOption={({ option }) =>
                option.value.startsWith(NEW) ? (
                  <Group gap={6} wrap="nowrap">
                    <IconPlus size={14} />
                    <Text size="sm">{t('competitors.tab.createOption', { name: option.label })}</Text>
                  </Group>
                ) : (
                  option.label
                )
              }
              nothingFoundMessage={options.isFetching ? t('common.loading') : undefined}
              comboboxProps={{ withinPortal: true }}
              data-autofocus
              {...form.getInputProps('competitorId')}
              data-testid="presence-competitor"
            />
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('competitors.tab.threat')}
            </Text>
            <SegmentedControl
              data={threatLevels.map((l) => ({ value: l, label: t(`competitors.threat.${l}`) }))}
              color={form.values.threat === 'high' ? 'red' : form.values.threat === 'medium' ? 'orange' : 'gray'}
              {...form.getInputProps('threat')}
              data-testid="presence-threat"
            />
          </Stack>
          <SimpleGrid cols={3} spacing="sm">
            <NumberInput
              label={t('competitors.tab.share')}
              description={t('competitors.tab.shareHint')}
              min={0}
              max={Math.max(0, shareLeft)}
              allowDecimal={false}
              suffix=" %"
              {...form.getInputProps('shareOfWallet')}
              data-testid="presence-share"
            />
            <NumberInput
              label={t('competitors.tab.priceIndex')}
              description={t('competitors.tab.priceIndexHint')}
              min={1}
              max={1000}
              allowDecimal={false}
              suffix=" %"
              {...form.getInputProps('priceIndex')}
              data-testid="presence-price-index"
            />
            <DayInput
              label={t('competitors.tab.lastObserved')}
              description={t('competitors.tab.lastObservedHint')}
              maxDate={new Date()}
              clearable
              {...form.getInputProps('lastObserved')}
            />
          </SimpleGrid>
          <Textarea
            label={t('competitors.tab.products')}
            autosize
            minRows={2}
            maxRows={5}
            maxLength={2000}
            {...form.getInputProps('products')}
          />
          <Textarea
            label={t('competitors.tab.priceNotes')}
            placeholder={t('competitors.tab.priceNotesPlaceholder')}
            autosize
            minRows={2}
            maxRows={5}
            maxLength={2000}
            {...form.getInputProps('priceNotes')}
            data-testid="presence-price-notes"
          />
          <Textarea label={t('competitors.tab.notes')} autosize minRows={2} maxRows={5} maxLength={5000} {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending || createCompetitor.isPending} data-testid="presence-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
