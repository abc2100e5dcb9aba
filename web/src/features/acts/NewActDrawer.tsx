import { Alert, Button, Checkbox, Drawer, Group, NumberInput, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../app/api';
import { formatDay } from '../../i18n/format';
import { AccountPicker } from '../interactions/AccountPicker';
import {
  type ActDetail,
  type ActKind,
  actKinds,
  defaultReason,
  type ReturnReason,
  returnReasons,
  useAccountOrders,
  useOrderLines,
} from './actsApi';

interface LineState {
  checked: boolean;
  quantity: number | string;
  reason: ReturnReason | null;
  note: string;
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Records an act: the client, one of its orders, the kind and date, then the lines with quantities and reasons. */
export function NewActDrawer({
  opened,
  accountId: presetAccount,
  onClose,
  onCreated,
}: {
  opened: boolean;
  accountId: string | null;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [accountId, setAccountId] = useState<string | null>(presetAccount);
  const [orderId, setOrderId] = useState<string | null>(null);
  const [kind, setKind] = useState<ActKind>('shortage');
  const [actDate, setActDate] = useState(today());
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<Record<number, LineState>>({});
  const [error, setError] = useState<string | null>(null);
  const orders = useAccountOrders(accountId);
  const orderLines = useOrderLines(accountId, orderId);

  useEffect(() => {
    if (opened) {
      setAccountId(presetAccount);
      setOrderId(null);
      setKind('shortage');
      setActDate(today());
      setNote('');
      setLines({});
      setError(null);
    }
  }, [opened, presetAccount]);

  const line = (no: number): LineState => lines[no] ?? { checked: false, quantity: '', reason: null, note: '' };
  const update = (no: number, patch: Partial<LineState>) => setLines((ls) => ({ ...ls, [no]: { ...line(no), ...patch } }));

  const create = useMutation({
    mutationFn: () =>
      api.post<ActDetail>('/api/acts', {
        accountId,
        orderId,
        kind,
        actDate,
        note: note.trim() || null,
        lines: Object.entries(lines)
          .filter(([, l]) => l.checked)
          .map(([no, l]) => ({
            lineNo: Number(no),
            quantity: String(l.quantity),
            ...(l.reason ? { reason: l.reason } : {}),
            ...(l.note.trim() ? { note: l.note.trim() } : {}),
          })),
      }),
    onSuccess: (act) => onCreated(act.id),
    onError: (e) => setError(errorMessage(e)),
  });
  const chosen = Object.values(lines).filter((l) => l.checked);

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="xl" title={t('acts.form.title')} data-testid="new-act-drawer">
      <Stack gap="sm">
        <AccountPicker
          label={t('acts.form.account')}
          value={accountId}
          onChange={(id) => {
            setAccountId(id);
            setOrderId(null);
          }}
          required
          data-testid="act-account"
        />
        <Select
          label={t('acts.form.order')}
          placeholder={t('acts.form.orderPlaceholder')}
          disabled={!accountId}
          searchable
          data={(orders.data?.items ?? []).map((o) => ({
            value: o.orderId,
            label: t('acts.form.orderOption', { order: o.orderId, date: formatDay(o.orderDate, lang), lines: o.lines }),
          }))}
          value={orderId}
          onChange={(v) => {
            setOrderId(v);
            setLines({});
          }}
          nothingFoundMessage={t('acts.form.noOrders')}
          required
          data-testid="act-order"
        />
        <Group grow>
          <Select
            label={t('acts.form.kind')}
            data={actKinds.map((k) => ({ value: k, label: t(`acts.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as ActKind)}
            allowDeselect={false}
            data-testid="act-kind"
          />
          <TextInput
            type="date"
            label={t('acts.form.date')}
            value={actDate}
            max={today()}
            min={orderLines.data?.orderDate}
            onChange={(e) => setActDate(e.currentTarget.value)}
            required
            data-testid="act-date"
          />
        </Group>
        <Textarea
          label={t('acts.form.note')}
          placeholder={t('acts.form.notePlaceholder')}
          autosize
          minRows={2}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-testid="act-note"
        />
        <Stack gap={4}>
          <Text fw={600}>{t('acts.form.lines')}</Text>
          <Text size="sm" c="dimmed">
            {orderLines.data ? t('acts.form.linesHint') : t('acts.form.pickOrderFirst')}
          </Text>
        </Stack>
        {orderLines.data && (
          <Table fz="sm" verticalSpacing={6} data-testid="act-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t('acts.columns.product')}</Table.Th>
                <Table.Th ta="right">{t('acts.columns.available')}</Table.Th>
                <Table.Th w={110}>{t('acts.columns.quantity')}</Table.Th>
                <Table.Th w={150}>{t('acts.columns.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orderLines.data.lines.map((l) => {
                const s = line(l.lineNo);
                const none = Number(l.available) <= 0;
                return (
                  <Table.Tr key={l.lineNo} data-testid="act-line" data-line={l.lineNo}>
                    <Table.Td>
                      <Checkbox
                        checked={s.checked}
                        disabled={none}
                        onChange={(e) =>
                          update(l.lineNo, {
                            checked: e.currentTarget.checked,
                            quantity: s.quantity === '' ? Number(l.available) : s.quantity,
                          })
                        }
                        aria-label={l.product.name}
                        data-testid="act-line-check"
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {l.lineNo}. {l.product.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {l.product.sku}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {none
                        ? t('acts.form.nothingLeft')
                        : `${Number(l.available).toLocaleString(lang)} / ${Number(l.quantity).toLocaleString(lang)}`}
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        min={0}
                        max={Number(l.available)}
                        decimalScale={3}
                        disabled={!s.checked}
                        value={s.quantity}
                        onChange={(v) => update(l.lineNo, { quantity: v })}
                        aria-label={t('acts.columns.quantity')}
                        data-testid="act-line-quantity"
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        disabled={!s.checked}
                        data={returnReasons.map((r) => ({ value: r, label: t(`acts.reasons.${r}`) }))}
                        value={s.reason ?? defaultReason[kind]}
                        onChange={(v) => update(l.lineNo, { reason: (v as ReturnReason | null) ?? null })}
                        allowDeselect={false}
                        aria-label={t('acts.columns.reason')}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {error && (
          <Alert color="red" withCloseButton onClose={() => setError(null)} data-testid="act-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('acts.form.cancel')}
          </Button>
          <Button
            onClick={() => (chosen.length ? create.mutate() : setError(t('acts.form.noLines')))}
            loading={create.isPending}
            disabled={!accountId || !orderId}
            data-testid="act-create"
          >
            {t('acts.form.create')}
          </Button>
        </Group>
      </Stack>
    </Drawer>
  );
}
