import { ActionIcon, Alert, Anchor, Button, FileButton, Group, Paper, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorMessage, writeHeaders } from '../app/api';
import { useCurrentUser } from '../app/session';
import { i18n } from '../i18n';
import { formatDateTime, localeTag } from '../i18n/format';
import { showServerError } from './formErrors';

/** A file attached to a record, as the server lists it. */
export interface AttachmentRow {
  id: string;
  fileName: string;
  sizeBytes: number;
  uploadedBy: { name: string } | null;
  createdAt: string;
  canDelete: boolean;
}

/** Uploads one file to `url` (multipart field `file`), reporting progress (fetch cannot, so this is XMLHttpRequest). */
function uploadAttachment(url: string, file: File, onProgress: (percent: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
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
      if (xhr.status === 200) return resolve(body);
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

/**
 * The files of a record (a task, a request…): download for whoever sees it, attach when `mayAttach`,
 * delete where the server says `canDelete`. `ns` names the feature whose `attachments` texts are used.
 */
export function AttachmentsPanel({
  ns,
  url,
  files,
  mayAttach,
  queryKey,
  testId,
}: {
  ns: 'tasks' | 'requests';
  /** the record's attachments route, e.g. /api/tasks/<id>/attachments */
  url: string;
  files: AttachmentRow[];
  mayAttach: boolean;
  /** the query of the record, refreshed after a change */
  queryKey: readonly unknown[];
  /** prefix of the test ids: `<testId>-attachments`, `<testId>-attach`… */
  testId: string;
}) {
  const { t, i18n: i18next } = useTranslation();
  const lang = i18next.resolvedLanguage ?? 'en';
  const me = useCurrentUser();
  const client = useQueryClient();
  const resetFiles = useRef<() => void>(null);
  const [progress, setProgress] = useState<{ index: number; count: number; percent: number } | null>(null);
  const [failures, setFailures] = useState<{ name: string; message: string }[]>([]);
  const refresh = () => client.invalidateQueries({ queryKey: [...queryKey] });

  const remove = useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`${url}/${id}`),
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
        await uploadAttachment(url, file, (percent) => setProgress({ index: index + 1, count: files.length, percent }));
      } catch (e) {
        failed.push({ name: file.name, message: errorMessage(e) });
      }
    }
    setProgress(null);
    setFailures(failed);
    await refresh();
  };

  return (
    <Stack gap="xs" data-testid={`${testId}-attachments`}>
      <Group justify="space-between">
        <Text fw={600}>{t(`${ns}.attachments.title`)}</Text>
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
                data-testid={`${testId}-attach`}
              >
                {t(`${ns}.attachments.attach`)}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {progress && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t(`${ns}.attachments.uploading`, progress)}
          </Text>
          <Progress value={progress.percent} size="sm" animated />
        </Stack>
      )}
      {failures.length > 0 && (
        <Alert
          color="red"
          withCloseButton
          onClose={() => setFailures([])}
          title={t(`${ns}.attachments.failed`)}
          data-testid={`${testId}-attach-errors`}
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
      {files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {mayAttach ? t(`${ns}.attachments.noneCanAttach`) : t(`${ns}.attachments.none`)}
        </Text>
      ) : (
        <Stack gap={6} data-testid={`${testId}-attachment-list`}>
          {files.map((a) => (
            <Paper key={a.id} withBorder p="xs" radius="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor href={`${url}/${a.id}`} download={a.fileName} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {a.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t(`${ns}.attachments.meta`, {
                      size: formatSize(a.sizeBytes, lang),
                      who: a.uploadedBy?.name ?? '—',
                      when: formatDateTime(a.createdAt, lang, me.company.timeZone),
                    })}
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <Tooltip label={t(`${ns}.attachments.download`)}>
                    <ActionIcon
                      component="a"
                      href={`${url}/${a.id}`}
                      download={a.fileName}
                      variant="subtle"
                      aria-label={t(`${ns}.attachments.download`)}
                    >
                      <IconDownload size={16} />
                    </ActionIcon>
                  </Tooltip>
                  {a.canDelete && (
                    <Tooltip label={t(`${ns}.attachments.delete`)}>
                      <ActionIcon
                        color="red"
                        variant="subtle"
                        aria-label={`${t(`${ns}.attachments.delete`)}: ${a.fileName}`}
                        loading={remove.isPending && remove.variables === a.id}
                        onClick={() => {
                          if (window.confirm(t(`${ns}.attachments.confirmDelete`, { name: a.fileName }))) remove.mutate(a.id);
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
