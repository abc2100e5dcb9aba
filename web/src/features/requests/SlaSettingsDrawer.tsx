import { Button, Drawer, Group, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import type { DepartmentSla } from './requestsApi';

/** The head (or an administrator) sets how long each department has for a request, in business time. */
export function SlaSettingsDrawer({ opened, items, onClose }: { opened: boolean; items: DepartmentSla[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="md" title={t('requests.settings.title')} data-testid="sla-settings">
      {opened && <SlaForm initial={items} onClose={onClose} />}
    </Drawer>
  );
}

function SlaForm({ initial, onClose }: { initial: DepartmentSla[]; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [rows, setRows] = useState(initial);
  const save = useMutation({
    mutationFn: () => api.put<{ items: DepartmentSla[] }>('/api/requests/sla', { items: rows }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['requests', 'sla'] });
      notifySuccess(t('requests.settings.saved'));
      onClose();
    },
    onError: (e) => showServerError(e),
  });
  const set = (i: number, patch: Partial<DepartmentSla>) => setRows((old) => old.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('requests.settings.text')}
      </Text>
      <Table>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={r.department}>
              <Table.Td>{t(`requests.departments.${r.department}`)}</Table.Td>
              <Table.Td w={100}>
                <NumberInput
                  aria-label={t(`requests.departments.${r.department}`)}
                  value={r.amount}
                  min={1}
                  max={1000}
                  allowDecimal={false}
                  onChange={(v) => set(i, { amount: typeof v === 'number' ? v : Number(v) || 1 })}
                />
              </Table.Td>
              <Table.Td w={180}>
                <Select
                  aria-label={t(`requests.departments.${r.department}`)}
                  value={r.unit}
                  data={(['hours', 'business_days'] as const).map((u) => ({ value: u, label: t(`requests.settings.unit.${u}`) }))}
                  onChange={(u) => u && set(i, { unit: u as DepartmentSla['unit'] })}
                  allowDeselect={false}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('requests.form.cancel')}
        </Button>
        <Button loading={save.isPending} onClick={() => save.mutate()}>
          {t('requests.settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}
