import { Button, Card, Group, NumberInput, Select, Skeleton, Stack, Table } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountTiers } from '../../../../src/modules/accounts/accounts.contracts';
import { complaintSeverities, type SlaUnit } from '../../../../src/modules/complaints/complaints.contracts';
import { api } from '../../app/api';
import { can, useCurrentUser } from '../../app/session';
import { CardTitle } from '../../ui/CardTitle';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { PageHeader } from '../../ui/PageHeader';
import { NotFoundPage } from '../errors/NotFoundPage';
import { type SlaSettings, type SlaTarget, useSlaSettings } from './complaintsApi';

/** Settings: the SLA targets per tier and severity, and the legal claim period (D1). */
export function SlaSettingsPage() {
  const me = useCurrentUser();
  if (!can(me, 'sla.configure')) return <NotFoundPage />;
  return <SlaSettingsForm />;
}

const key = (t: Pick<SlaTarget, 'tier' | 'severity'>) => `${t.tier}:${t.severity}`;

function SlaSettingsForm() {
  const { t } = useTranslation();
  const settings = useSlaSettings();
  const client = useQueryClient();
  const [rows, setRows] = useState<Map<string, SlaTarget> | null>(null);
  const [legalDays, setLegalDays] = useState<number | string>(30);
  useEffect(() => {
    if (!settings.data || rows) return;
    const m = new Map<string, SlaTarget>();
    for (const tier of accountTiers)
      for (const severity of complaintSeverities)
        m.set(key({ tier, severity }), {
          tier,
          severity,
          responseAmount: 8,
          responseUnit: 'hours',
          resolutionAmount: 5,
          resolutionUnit: 'business_days',
        });
    for (const target of settings.data.targets) m.set(key(target), target);
    setRows(m);
    setLegalDays(settings.data.legalClaimDays);
  }, [settings.data, rows]);
  const save = useMutation({
    mutationFn: (body: SlaSettings) => api.put<SlaSettings>('/api/complaints/sla/settings', body),
    onSuccess: (saved) => {
      client.setQueryData(['complaints', 'sla', 'settings'], saved);
      notifySuccess(t('service.settings.saved'));
    },
    onError: (e) => showServerError(e),
  });
  const update = (k: string, patch: Partial<SlaTarget>) =>
    setRows((prev) => {
      if (!prev) return prev;
      const next = new Map(prev);
      const row = next.get(k);
      if (row) next.set(k, { ...row, ...patch });
      return next;
    });
  const units = (['hours', 'business_days'] as const).map((u) => ({ value: u, label: t(`service.settings.units.${u}`) }));
  const amount = (v: number | string) => (typeof v === 'number' ? v : Number.parseInt(v, 10) || 1);

  return (
    <>
      <PageHeader title={t('service.settings.title')} subtitle={t('service.settings.subtitle')} />
      {!rows ? (
        <Skeleton h={400} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ targets: [...rows.values()], legalClaimDays: amount(legalDays) });
          }}
          data-testid="sla-settings"
        >
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg">
              <Table.ScrollContainer minWidth={820}>
                <Table fz="sm" verticalSpacing={6}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('service.settings.tier')}</Table.Th>
                      <Table.Th>{t('service.settings.severity')}</Table.Th>
                      <Table.Th>{t('service.settings.response')}</Table.Th>
                      <Table.Th>{t('service.settings.resolution')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {accountTiers.flatMap((tier) =>
                      complaintSeverities.map((severity, i) => {
                        const k = key({ tier, severity });
                        const row = rows.get(k);
                        if (!row) return null;
                        const label = `${t(`accounts.tier.${tier}`)} · ${t(`service.severities.${severity}`)}`;
                        return (
                          <Table.Tr key={k} data-testid={`sla-row-${k}`}>
                            <Table.Td fw={600}>{i === 0 ? t(`accounts.tier.${tier}`) : ''}</Table.Td>
                            <Table.Td>{t(`service.severities.${severity}`)}</Table.Td>
                            <Table.Td>
                              <Group gap={6} wrap="nowrap">
                                <NumberInput
                                  w={80}
                                  min={1}
                                  max={1000}
                                  value={row.responseAmount}
                                  onChange={(v) => update(k, { responseAmount: amount(v) })}
                                  aria-label={`${label}: ${t('service.settings.response')}`}
                                />
                                <Select
                                  w={170}
                                  data={units}
                                  value={row.responseUnit}
                                  allowDeselect={false}
                                  onChange={(v) => v && update(k, { responseUnit: v as SlaUnit })}
                                  aria-label={`${label}: ${t('service.settings.response')}`}
                                />
                              </Group>
                            </Table.Td>
                            <Table.Td>
                              <Group gap={6} wrap="nowrap">
                                <NumberInput
                                  w={80}
                                  min={1}
                                  max={1000}
                                  value={row.resolutionAmount}
                                  onChange={(v) => update(k, { resolutionAmount: amount(v) })}
                                  aria-label={`${label}: ${t('service.settings.resolution')}`}
                                />
                                <Select
                                  w={170}
                                  data={units}
                                  value={row.resolutionUnit}
                                  allowDeselect={false}
                                  onChange={(v) => v && update(k, { resolutionUnit: v as SlaUnit })}
                                  aria-label={`${label}: ${t('service.settings.resolution')}`}
                                />
                              </Group>
                            </Table.Td>
                          </Table.Tr>
                        );
                      }),
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
            <Card withBorder radius="md" padding="lg">
              <CardTitle title={t('service.settings.legalClaimDays')} subtitle={t('service.settings.legalClaimHint')} />
              <NumberInput
                w={120}
                min={1}
                max={365}
                value={legalDays}
                onChange={setLegalDays}
                aria-label={t('service.settings.legalClaimDays')}
              />
            </Card>
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="sla-save">
                {t('service.settings.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </>
  );
}
