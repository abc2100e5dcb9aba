import { ActionIcon, Alert, Anchor, Button, FileButton, Group, Paper, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestAttachment } from '../../../../src/modules/requests/requests.contracts';
import { ApiError, api, errorMessage, writeHeaders } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import { i18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { showServerError } from '../../ui/formErrors';
import { formatSize } from '../tasks/TaskAttachments';
import type { RequestDetail } from './requestsApi';

/** Uploads one file to a request, reporting progress (fetch cannot, so this is XMLHttpRequest). */
function uploadAttachment(requestId: string, file: File, onProgress: (percent: number) => void): Promise<RequestAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/requests/${requestId}/attachments`);
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
      if (xhr.status === 200) return resolve(body as RequestAttachment);
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      reject(new ApiError(xhr.status, error?.code ?? `HTTP_${xhr.status}`, error?.message ?? i18n.t('common.somethingWrong')));
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** The files of a request: download for whoever sees it; attach for its requester and the department; delete for uploader and requester. */
export function RequestAttachments({ request: task, mayAttach }: { request: RequestDetail; mayAttach: boolean }) {
  const { t, i18n: i18next } = useTranslation();
  const lang = i18next.resolvedLanguage ?? 'en';
  const me = useCurrentUser();
  const client = useQueryClient();
  const resetFiles = useRef<() => void>(null);
  const [progress, setProgress] = useState<{ index: number; count: number; percent: number } | null>(null);
  const [failures, setFailures] = useState<{ name: string; message: string }[]>([]);
  const refresh = () => client.invalidateQueries({ queryKey: ['requests', 'one', task.id] });

  const remove = useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/requests/${task.id}/attachments/${id}`),
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
    <Stack gap="xs" data-testid="request-attachments">
      <Group justify="space-between">
        <Text fw={600}>{t('requests.attachments.title')}</Text>
        {mayAttach && (
          <FileButton onChange={attach} multiple resetRef={resetFiles}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="default"
                leftSection={<IconPaperclip size={14} />}
                loading={!!progress}
                disabled={!!progress}
                data-testid="request-attach"
              >
                {t('requests.attachments.attach')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {progress && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('requests.attachments.uploading', progress)}
          </Text>
          <Progress value={progress.percent} size="sm" animated />
        </Stack>
      )}
      {failures.length > 0 && (
        <Alert
          color="red"
          withCloseButton
          onClose={() => setFailures([])}
          title={t('requests.attachments.failed')}
          data-testid="request-attach-errors"
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
          {mayAttach ? t('requests.attachments.noneCanAttach') : t('requests.attachments.none')}
        </Text>
      ) : (
        <Stack gap={6} data-testid="request-attachment-list">
          {task.attachments.map((a) => (
            <Paper key={a.id} withBorder p="xs" radius="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor
                    href={`/api/requests/${task.id}/attachments/${a.id}`}
                    download={a.fileName}
                    size="sm"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {a.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t('requests.attachments.meta', {
                      size: formatSize(a.sizeBytes, lang),
                      who: a.uploadedBy?.name ?? '—',
                      when: formatDateTime(a.createdAt, lang, me.company.timeZone),
                    })}
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <Tooltip label={t('requests.attachments.download')}>
                    <ActionIcon
                      component="a"
                      href={`/api/requests/${task.id}/attachments/${a.id}`}
                      download={a.fileName}
                      variant="subtle"
                      aria-label={t('requests.attachments.download')}
                    >
                      <IconDownload size={16} />
                    </ActionIcon>
                  </Tooltip>
                  {a.canDelete && (
                    <Tooltip label={t('requests.attachments.delete')}>
                      <ActionIcon
                        color="red"
                        variant="subtle"
                        aria-label={`${t('requests.attachments.delete')}: ${a.fileName}`}
                        loading={remove.isPending && remove.variables === a.id}
                        onClick={() => {
                          if (window.confirm(t('requests.attachments.confirmDelete', { name: a.fileName }))) remove.mutate(a.id);
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
