import { Button, Group, NumberInput, Paper, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CompanyInput } from '../../../../src/modules/company/company.contracts';
import { api } from '../../app/api';
import { can, meKey, useCurrentUser } from '../../app/session';
import type { Company } from '../../app/types';
import { notifySuccess, showServerError, zodValidate } from '../../ui/formErrors';
import { PageHeader } from '../../ui/PageHeader';
import { PageSkeleton } from '../../ui/PageSkeleton';
import { NotFoundPage } from '../errors/NotFoundPage';
import { CompanyFields, type CompanyValues } from './CompanyFields';

export function CompanyPage() {
  const me = useCurrentUser();
  const { t } = useTranslation();
  const company = useQuery({ queryKey: ['company'], queryFn: () => api.get<Company>('/api/company') });
  if (!can(me, 'company.manage')) return <NotFoundPage />;
  return (
    <>
      <PageHeader title={t('company.title')} subtitle={t('company.subtitle')} />
      {company.data ? <CompanyForm company={company.data} /> : company.isError ? null : <PageSkeleton rows={4} />}
    </>
  );
}

function CompanyForm({ company }: { company: Company }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm<CompanyValues & { activityWindowDays: number }>({
    mode: 'uncontrolled',
    initialValues: { ...company },
    validate: zodValidate<CompanyValues>(CompanyInput),
  });
  const save = useMutation({
    mutationFn: (values: CompanyValues & { activityWindowDays: number }) => api.put<Company>('/api/company', values),
    onSuccess: async () => {
      notifySuccess(t('company.saved'));
      form.resetDirty();
      await Promise.all([client.invalidateQueries({ queryKey: ['company'] }), client.invalidateQueries({ queryKey: meKey })]);
    },
    onError: (error) => showServerError(error, form),
  });
  return (
    <Paper withBorder radius="md" p="lg" maw={640}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="md">
          <CompanyFields form={form} />
          <NumberInput
            label={t('company.activityWindow')}
            description={t('company.activityWindowHint')}
            min={1}
            max={3660}
            allowDecimal={false}
            suffix={` ${t('company.days')}`}
            maw={260}
            required
            {...form.getInputProps('activityWindowDays')}
            key={form.key('activityWindowDays')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
