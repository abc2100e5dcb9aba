import { Button, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CreateOpportunityRequest, opportunityKinds, opportunityStatuses } from '../../../../src/modules/plans/plans.contracts';
import { zodValidate } from '../../ui/formErrors';
import { itemPath, type Opportunity, type Plan, usePlanChange } from './planApi';
import { DayInput, useFormat } from './planUi';

interface Values {
  title: string;
  kind: Opportunity['kind'];
  amount: string;
  probability: number | string;
  expectedCloseDate: string | null;
  status: Opportunity['status'];
  notes: string;
}

/** "1 250 000,50" or "1,250,000.50" → "1250000.50": money stays a decimal string, never a float. */
export function normaliseAmount(input: string): string {
  const s = input.replace(/[\s\u00a0\u202f]/g, '');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  // the last separator followed by one or two digits is the decimal one; the others group thousands
  if (lastComma > lastDot && /,\d{1,2}$/.test(s)) return s.replace(/\./g, '').replace(',', '.');
  return s.replace(/,/g, '');
}

/** amount × probability %, to the cent (half up), in integer cents: as the server computes it. */
export function weightedAmount(amount: string, probability: number): string {
  const [units = '0', cents = ''] = amount.split('.');
  const total = BigInt(units + cents.padEnd(2, '0')) * BigInt(probability);
  const rounded = (total + 50n) / 100n;
  return `${rounded / 100n}.${String(rounded % 100n).padStart(2, '0')}`;
}

function toRequest(v: Values) {
  return {
    title: v.title.trim(),
    kind: v.kind,
    amount: normaliseAmount(v.amount),
    probability: typeof v.probability === 'number' ? v.probability : Number.NaN,
    expectedCloseDate: v.expectedCloseDate,
    status: v.status,
    notes: v.notes.trim() || null,
  };
}

export function OpportunityModal({ plan, opportunity, onClose }: { plan: Plan; opportunity: Opportunity | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const change = usePlanChange(plan.accountId);
  const form = useForm<Values>({
    initialValues: {
      title: opportunity?.title ?? '',
      kind: opportunity?.kind ?? 'upsell',
      amount: opportunity?.amount ?? '',
      probability: opportunity?.probability ?? 50,
      expectedCloseDate: opportunity?.expectedCloseDate ?? null,
      status: opportunity?.status ?? 'open',
      notes: opportunity?.notes ?? '',
    },
    validate: zodValidate<Values>(CreateOpportunityRequest, toRequest),
  });
  const preview = (() => {
    const r = toRequest(form.values);
    if (!/^\d{1,16}(\.\d{1,2})?$/.test(r.amount) || Number.isNaN(r.probability)) return null;
    return f.money(weightedAmount(r.amount, r.probability), plan.currency);
  })();
  const submit = (v: Values) => {
    const body = toRequest(v);
    change.mutate(
      opportunity
        ? { method: 'patch', path: itemPath('opportunities', opportunity.id), body: { ...body, version: opportunity.version }, form }
        : { method: 'post', path: itemPath('opportunities'), body, form },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={opportunity ? t('plans.opportunities.editTitle') : t('plans.opportunities.newTitle')}
      centered
      size="lg"
    >
      <form onSubmit={form.onSubmit(submit)} noValidate data-testid="opportunity-form">
        <Stack gap="sm">
          <TextInput
            label={t('plans.opportunities.titleLabel')}
            placeholder={t('plans.opportunities.titlePlaceholder')}
            required
            maxLength={300}
            data-autofocus
            {...form.getInputProps('title')}
            data-testid="opportunity-title"
          />
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label={t('plans.opportunities.kind')}
              data={opportunityKinds.map((k) => ({ value: k, label: t(`plans.opportunities.kinds.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
              data-testid="opportunity-kind"
            />
            <DayInput
              label={t('plans.opportunities.closeDate')}
              clearable
              {...form.getInputProps('expectedCloseDate')}
              data-testid="opportunity-close"
            />
            <TextInput
              label={`${t('plans.opportunities.amount')}, ${plan.currency}`}
              required
              inputMode="decimal"
              placeholder="0.00"
              {...form.getInputProps('amount')}
              data-testid="opportunity-amount"
            />
            <NumberInput
              label={t('plans.opportunities.probability')}
              required
              min={0}
              max={100}
              step={5}
              allowDecimal={false}
              suffix="%"
              {...form.getInputProps('probability')}
              data-testid="opportunity-probability"
            />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('plans.opportunities.status')}
            </Text>
            <SegmentedControl
              data={opportunityStatuses.map((s) => ({ value: s, label: t(`plans.opportunities.statuses.${s}`) }))}
              {...form.getInputProps('status')}
            />
          </Stack>
          <Textarea
            label={t('plans.opportunities.notes')}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            {...form.getInputProps('notes')}
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="weighted-preview">
              {preview && form.values.status === 'open' ? `${t('plans.opportunities.weighted')}: ${preview}` : ''}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={change.isPending} data-testid="opportunity-save">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
