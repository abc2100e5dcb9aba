import { Alert, Anchor, Button, FileButton, Group, Paper, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconFileUpload, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImportEntity, type ImportRun, importEntities } from '../../../../src/modules/imports/imports.contracts';
import { api, errorMessage } from '../../app/api';
import { can, useCurrentUser } from '../../app/session';
import { PageHeader } from '../../ui/PageHeader';
import { NotFoundPage } from '../errors/NotFoundPage';
import { uploadForCheck } from './importsApi';
import { RecentImports } from './RecentImports';
import { ReportView } from './ReportView';

export function ImportsPage() {
  const me = useCurrentUser();
  if (!can(me, 'imports.run')) return <NotFoundPage />;
  return <Imports entities={importEntities.filter((e) => e !== 'users' || can(me, 'users.manage'))} />;
}

/** Upload → check (every row, nothing stored) → preview and problems → confirm → progress → result. */
function Imports({ entities }: { entities: ImportEntity[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [entity, setEntity] = useState<ImportEntity>(entities.includes('accounts') ? 'accounts' : (entities[0] ?? 'accounts'));
  const [runId, setRunId] = useState<string | null>(null);
  const [upload, setUpload] = useState<{ name: string; percent: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // cleared after each check, so that choosing the same (fixed) file again is noticed
  const resetFile = useRef<() => void>(null);

  const run = useQuery({
    queryKey: ['import', runId],
    queryFn: () => api.get<ImportRun>(`/api/imports/${runId}`),
    enabled: !!runId,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
  });
  const current = run.data;
  const finished = current?.status === 'done' || current?.status === 'failed';
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: ['imports'] });
  }, [finished, queryClient]);

  const check = async (file: File | null) => {
    if (!file) return;
    setFailure(null);
    setRunId(null);
    setUpload({ name: file.name, percent: 0 });
    try {
      const checked = await uploadForCheck(entity, file, (percent) => setUpload({ name: file.name, percent }));
      queryClient.setQueryData(['import', checked.id], checked);
      setRunId(checked.id);
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setUpload(null);
      resetFile.current?.();
    }
  };

  const confirm = useMutation({
    mutationFn: (id: string) => api.post<ImportRun>(`/api/imports/${id}/confirm`),
    onSuccess: (started) => queryClient.setQueryData(['import', started.id], started),
    onError: (err) => setFailure(errorMessage(err)),
  });

  const reset = () => {
    setRunId(null);
    setFailure(null);
  };
  const toStore = current ? current.report.inserted + current.report.updated : 0;

  return (
    <>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Text fw={600} size="sm">
              {t('imports.entity')}
            </Text>
            <SegmentedControl
              value={entity}
              onChange={(v) => {
                setEntity(v as ImportEntity);
                reset();
              }}
              data={entities.map((e) => ({ value: e, label: t(`imports.entities.${e}`) }))}
              disabled={!!upload || current?.status === 'running'}
            />
            <Text size="sm" c="dimmed">
              {t(`imports.entityHints.${entity}`)}{' '}
              <Anchor href={`/api/imports/templates/${entity}`} download size="sm">
                {t('imports.template')}
              </Anchor>
            </Text>
            <Text size="xs" c="dimmed">
              {t('imports.order')}
            </Text>
            <Group>
              <FileButton
                onChange={check}
                resetRef={resetFile}
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              >
                {(props) => (
                  <Button {...props} leftSection={<IconFileUpload size={16} />} loading={!!upload} disabled={current?.status === 'running'}>
                    {current ? t('imports.another') : t('imports.choose')}
                  </Button>
                )}
              </FileButton>
              <Text size="xs" c="dimmed" maw={520}>
                {t('imports.chooseHint')}
              </Text>
            </Group>
            {upload && (
              <Stack gap={4}>
                <Text size="sm">{upload.percent < 100 ? t('imports.uploading', upload) : t('imports.checking')}</Text>
                <Progress value={upload.percent} animated={upload.percent === 100} />
              </Stack>
            )}
            {failure && (
              <Alert color="red" icon={<IconX size={18} />} withCloseButton onClose={() => setFailure(null)}>
                {failure}
              </Alert>
            )}
          </Stack>
        </Paper>

        {current?.status === 'checked' && (
          <>
            <ReportView run={current} />
            {current.report.errors.length === 0 && toStore > 0 && (
              <Group>
                <Button size="md" onClick={() => confirm.mutate(current.id)} loading={confirm.isPending}>
                  {t('imports.confirm', { count: toStore })}
                </Button>
              </Group>
            )}
          </>
        )}
        {current?.status === 'running' && (
          <Paper withBorder radius="md" p="md">
            <Stack gap="xs">
              <Text fw={600}>{t('imports.running', current.progress)}</Text>
              <Progress value={current.progress.total ? (current.progress.done / current.progress.total) * 100 : 0} animated />
              <Text size="sm" c="dimmed">
                {t('imports.runningHint')}
              </Text>
            </Stack>
          </Paper>
        )}
        {current?.status === 'done' && (
          <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('imports.doneTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {t('imports.doneText', {
                  insert: current.report.inserted,
                  update: current.report.updated,
                  unchanged: current.report.unchanged,
                })}
              </Text>
              {current.entity !== 'users' && (
                <Anchor component={Link} to="/accounts" size="sm">
                  {t('imports.openAccounts')}
                </Anchor>
              )}
            </Stack>
          </Alert>
        )}
        {current?.status === 'failed' && (
          <>
            {current.failure && (
              <Alert color="red" icon={<IconX size={18} />} title={t('imports.failedTitle')}>
                {t('imports.failedText', { reason: current.failure })}
              </Alert>
            )}
            {!current.failure && <ReportView run={current} />}
          </>
        )}

        <RecentImports onOpen={setRunId} />
      </Stack>
    </>
  );
}
