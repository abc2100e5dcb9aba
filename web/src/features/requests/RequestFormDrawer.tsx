import { Button, Drawer, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { AccountPicker } from '../interactions/AccountPicker';
import { DayInput } from '../plans/planUi';
import {
  type RequestDepartment,
  type RequestDetail,
  requestDepartments,
  requestTypesByDepartment,
  useDepartmentSla,
  useRequestChange,
} from './requestsApi';

interface Values {
  accountId: string | null;
  department: RequestDepartment | null;
  type: string | null;
  title: string;
  description: string;
  dueDate: string | null;
}

/** Raises a request to a department for a client, or edits one (its requester, while new). */
export function RequestFormDrawer({
  opened,
  request,
  accountId = null,
  lockAccount = false,
  onClose,
  onSaved,
}: {
  opened: boolean;
  request: RequestDetail | null;
  accountId?: string | null;
  lockAccount?: boolean;
  onClose: () => void;
  onSaved?: (r: RequestDetail) => void;
}) {
  const { t } = useTranslation();
  const initial: Values = {
    accountId: request?.account.id ?? accountId,
    department: request?.department ?? null,
    type: request?.type ?? null,
    title: request?.title ?? '',
    description: request?.description ?? '',
    dueDate: request?.dueDate ?? null,
  };
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      title={request ? t('requests.form.editTitle') : t('requests.form.createTitle')}
      data-testid="request-form"
    >
      {opened && (
        <RequestForm
          key={request?.id ?? 'new'}
          request={request}
          initial={initial}
          lockAccount={lockAccount || !!request}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Drawer>
  );
}

function RequestForm({
  request,
  initial,
  lockAccount,
  onClose,
  onSaved,
}: {
  request: RequestDetail | null;
  initial: Values;
  lockAccount: boolean;
  onClose: () => void;
  onSaved?: (r: RequestDetail) => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const sla = useDepartmentSla();
  const set = (patch: Partial<Values>) => setV((old) => ({ ...old, ...patch }));
  const save = useRequestChange(
    (body: Record<string, unknown>) =>
      request ? api.patch<RequestDetail>(`/api/requests/${request.id}`, body) : api.post<RequestDetail>('/api/requests', body),
    (saved) => {
      notifySuccess(
        request
          ? t('requests.form.saved')
          : t('requests.form.created', { reference: saved.reference, department: t(`requests.departments.${saved.department}`) }),
      );
      onClose();
      onSaved?.(saved);
    },
  );
  const deptSla = v.department ? sla.data?.items.find((s) => s.department === v.department) : undefined;
  const submit = () => {
    const e: Record<string, string> = {};
    if (!v.accountId) e.accountId = t('requests.form.accountRequired');
    if (!v.department) e.department = t('requests.form.departmentRequired');
    if (!v.type) e.type = t('requests.form.typeRequired');
    if (!v.title.trim()) e.title = t('requests.form.titleRequired');
    setErrors(e);
    if (Object.keys(e).length) return;
    const common = { type: v.type, title: v.title.trim(), description: v.description.trim() || null, dueDate: v.dueDate };
    save.mutate(request ? common : { ...common, accountId: v.accountId, department: v.department }, {
      onError: (err) => showServerError(err, { setFieldError: (path, msg) => setErrors((old) => ({ ...old, [path]: msg })) }),
    });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        {!lockAccount && (
          <AccountPicker
            label={t('requests.form.account')}
            value={v.accountId}
            onChange={(id) => set({ accountId: id })}
            error={errors.accountId}
            required
          />
        )}
        <Select
          label={t('requests.form.department')}
          data={requestDepartments.map((d) => ({ value: d, label: t(`requests.departments.${d}`) }))}
          value={v.department}
          onChange={(d) => set({ department: d as RequestDepartment | null, type: null })}
          error={errors.department}
          disabled={!!request}
          required
          allowDeselect={false}
        />
        {deptSla && (
          <Text size="xs" c="dimmed" mt={-8} data-testid="request-sla-hint">
            {t('requests.form.slaHint', {
              department: t(`requests.departments.${deptSla.department}`),
              sla:
                deptSla.unit === 'hours'
                  ? t('requests.form.slaHours', { count: deptSla.amount })
                  : t('requests.form.slaDays', { count: deptSla.amount }),
            })}
          </Text>
        )}
        <Select
          label={t('requests.form.type')}
          data={(v.department ? requestTypesByDepartment[v.department] : []).map((ty) => ({
            value: ty,
            label: t(`requests.types.${ty}`),
          }))}
          value={v.type}
          onChange={(ty) => set({ type: ty })}
          error={errors.type}
          disabled={!v.department}
          required
          allowDeselect={false}
        />
        <TextInput
          label={t('requests.form.title')}
          placeholder={t('requests.form.titlePlaceholder')}
          value={v.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={errors.title}
          required
          maxLength={200}
        />
        <Textarea
          label={t('requests.form.description')}
          value={v.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          autosize
          minRows={3}
          maxLength={5000}
        />
        <DayInput
          label={t('requests.form.due')}
          description={t('requests.form.dueHint')}
          value={v.dueDate}
          onChange={(d) => set({ dueDate: d ? String(d).slice(0, 10) : null })}
          error={errors.dueDate}
          minDate={new Date()}
          clearable
        />
        {!request && (
          <Text size="xs" c="dimmed">
            {t('requests.form.filesAfter')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('requests.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {request ? t('requests.form.save') : t('requests.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
