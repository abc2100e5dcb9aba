import { ActionIcon, Alert, Anchor, Button, FileButton, Group, Paper, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskAttachment } from '../../../../src/modules/tasks/tasks.contracts';
import { ApiError, api, errorMessage, writeHeaders } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import { i18n } from '../../i18n';
import { formatDateTime, localeTag } from '../../i18n/format';
import { showServerError } from '../../ui/formErrors';
import type { TaskDetail } from './tasksApi';

/** Uploads one file to a task, reporting progress (fetch cannot, so this is XMLHttpRequest). */
function uploadAttachment(taskId: string, file: File, onProgress: (percent: number) => void): Promise<TaskAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/tasks/${taskId}/attachments`);
    for (const [k, v] of Object.entries(writeHeaders())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', i18n.t('errors.network')));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 200) return resolve(body as TaskAttachment);
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      reject(new ApiError(xhr.status, error?.code ?? `HTTP_${xhr.status}`, error?.message ?? i18n.t('common.somethingWrong')));
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** 12 KB, 3.4 MB (кБ, МБ in Russian). */
export function formatSize(bytes: number, lang: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'megabyte'] : bytes >= 1024 ? [bytes / 1024, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(localeTag(lang), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** The files of a task: download for whoever sees it; attach for its giver and assignee; delete for uploader and giver. */
export function TaskAttachments({ task }: { task: TaskDetail }) {
  const { t, i18n: i18next } = useTranslation();
  const lang = i18next.resolvedLanguage ?? 'en';
  const me = useCurrentUser();
  const client = useQueryClient();
  const resetFiles = useRef<() => void>(null);
  const [progress, setProgress] = useState<{ index: number; count: number; percent: number } | null>(null);
  const [failures, setFailures] = useState<{ name: string; message: string }[]>([]);
  const refresh = () => client.invalidateQueries({ queryKey: ['tasks', 'one', task.id] });

  const remove = useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/tasks/${task.id}/attachments/${id}`),
    onSuccess: refresh,
    onError: (e) => showServerError(e),
  });

  const attach = async (files: File[]) => {
    resetFiles.current?.();
    if (!files.length) return;
    setFailures([]);
    const failed: { name: string; message: string }[] = [];
    for (const [index, file] of files.entries()) {
      setProgress({ index: index + 1, count: files.length, percent: 0 });
      try {
        await uploadAttachment(task.id, file, (percent) => setProgress({ index: index + 1, count: files.length, percent }));
      } catch (e) {
        failed.push({ name: file.name, message: errorMessage(e) });
      }
    }
    setProgress(null);
    setFailures(failed);
    await refresh();
  };

  return (
    <Stack gap="xs" data-testid="task-attachments">
      <Group justify="space-between">
        <Text fw={600}>{t('tasks.attachments.title')}</Text>
        {task.canWork && (
          <FileButton onChange={attach} multiple resetRef={resetFiles}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="default"
                leftSection={<IconPaperclip size={14} />}
                loading={!!progress}
                disabled={!!progress}
                data-testid="task-attach"
              >
                {t('tasks.attachments.attach')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {progress && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('tasks.attachments.uploading', progress)}
          </Text>
          <Progress value={progress.percent} size="sm" animated />
        </Stack>
      )}
      {failures.length > 0 && (
        <Alert
          color="red"
          withCloseButton
          onClose={() => setFailures([])}
          title={t('tasks.attachments.failed')}
          data-testid="task-attach-errors"
        >
          <Stack gap={2}>
            {failures.map((f) => (
              <Text key={f.name} size="sm">
                <b>{f.name}</b>: {f.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {task.attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {task.canWork ? t('tasks.attachments.noneCanAttach') : t('tasks.attachments.none')}
        </Text>
      ) : (
        <Stack gap={6} data-testid="task-attachment-list">
          {task.attachments.map((a) => (
            <Paper key={a.id} withBorder p="xs" radius="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor
                    href={`/api/tasks/${task.id}/attachments/${a.id}`}
                    download={a.fileName}
                    size="sm"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {a.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t('tasks.attachments.meta', {
                      size: formatSize(a.sizeBytes, lang),
                      who: a.uploadedBy?.name ?? '—',
                      when: formatDateTime(a.createdAt, lang, me.company.timeZone),
                    })}
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <Tooltip label={t('tasks.attachments.download')}>
                    <ActionIcon
                      component="a"
                      href={`/api/tasks/${task.id}/attachments/${a.id}`}
                      download={a.fileName}
                      variant="subtle"
                      aria-label={t('tasks.attachments.download')}
                    >
                      <IconDownload size={16} />
                    </ActionIcon>
                  </Tooltip>
                  {a.canDelete && (
                    <Tooltip label={t('tasks.attachments.delete')}>
                      <ActionIcon
                        color="red"
                        variant="subtle"
                        aria-label={`${t('tasks.attachments.delete')}: ${a.fileName}`}
                        loading={remove.isPending && remove.variables === a.id}
                        onClick={() => {
                          if (window.confirm(t('tasks.attachments.confirmDelete', { name: a.fileName }))) remove.mutate(a.id);
                        }}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
