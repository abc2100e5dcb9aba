import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  FileButton,
  Grid,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArrowLeft, IconFileTypePdf, IconPaperclip, IconPhoto, IconSignature, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../app/api';
import { can, useCurrentUser } from '../../app/session';
import { formatDateTime, formatDay } from '../../i18n/format';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { PageSkeleton } from '../../ui/PageSkeleton';
import { NotFoundPage } from '../errors/NotFoundPage';
import { AccountAnchor } from '../interactions/AccountAnchor';
import { formatSize } from '../../ui/AttachmentsPanel';
import { ActStatusBadge } from './ActsPage';
import { type ActAttachment, type ActDetail, type AttachmentRole, uploadActFile, useAct, useActChange } from './actsApi';

/** One act: its lines, files (photos and the signed copy), the PDF for signature, signing and the prevention note. */
export function ActPage() {
  const me = useCurrentUser();
  const { actId } = useParams({ from: '/app/acts/$actId' });
  const act = useAct(actId);
  if (!can(me, 'complaints.read') || act.isError) return <NotFoundPage />;
  if (!act.data) return <PageSkeleton />;
  return <Act act={act.data} />;
}

function Act({ act }: { act: ActDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [signing, setSigning] = useState(false);
  const [prevention, setPrevention] = useState(act.preventionNote ?? '');
  useEffect(() => setPrevention(act.preventionNote ?? ''), [act.preventionNote]);
  const draft = act.status === 'draft';
  const signedCopy = act.attachments.filter((a) => a.role === 'signed');
  const photos = act.attachments.filter((a) => a.role === 'photo');
  const total = act.lines.reduce((s, l) => s + Number(l.quantity), 0);

  const sign = useActChange(
    () => api.post<ActDetail>(`/api/acts/${act.id}/sign`),
    () => {
      setSigning(false);
      notifySuccess(t('acts.act.signed'));
    },
  );
  const savePrevention = useActChange(
    () => api.patch<ActDetail>(`/api/acts/${act.id}`, { preventionNote: prevention.trim() || null }),
    () => notifySuccess(t('acts.act.preventionSaved')),
  );
  const remove = useMutation({
    mutationFn: () => api.delete<{ ok: true }>(`/api/acts/${act.id}`),
    onSuccess: () => {
      notifySuccess(t('acts.act.deleted'));
      void navigate({ to: '/acts' });
    },
    onError: (e) => showServerError(e),
  });

  return (
    <Stack gap="md" data-testid="act-page" data-status={act.status}>
      <Anchor component={Link} to="/acts" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('acts.act.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} fz={22} data-testid="act-title">
              {t(`acts.kindTitles.${act.kind}`)}
            </Title>
            <ActStatusBadge status={act.status} />
          </Group>
          <Text c="dimmed" data-testid="act-reference">
            {t('acts.act.number', { reference: act.reference, date: formatDay(act.actDate, lang) })}
          </Text>
        </Stack>
        <Group gap="xs">
          <DownloadMenu
            label={t('acts.act.pdf')}
            heading={t('acts.act.pdfHeading')}
            testId="act-pdf"
            formats={[
              {
                label: t('acts.act.pdfEn'),
                icon: <IconFileTypePdf size={16} />,
                href: () => `/api/acts/${act.id}/pdf?lang=en`,
                testId: 'act-pdf-en',
              },
              {
                label: t('acts.act.pdfRu'),
                icon: <IconFileTypePdf size={16} />,
                href: () => `/api/acts/${act.id}/pdf?lang=ru`,
                testId: 'act-pdf-ru',
              },
            ]}
          />
          {act.canWrite && draft && (
            <>
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => window.confirm(t('acts.act.deleteConfirm', { reference: act.reference })) && remove.mutate()}
              >
                {t('acts.act.delete')}
              </Button>
              <Tooltip label={t('acts.act.signHint')} disabled={signedCopy.length > 0}>
                <Button
                  leftSection={<IconSignature size={16} />}
                  disabled={!signedCopy.length}
                  onClick={() => setSigning(true)}
                  data-testid="act-sign"
                >
                  {t('acts.act.sign')}
                </Button>
              </Tooltip>
            </>
          )}
        </Group>
      </Group>
      {act.signedAt && (
        <Alert color="teal" data-testid="act-signed-notice">
          {t('acts.act.signedNotice', { when: formatDateTime(act.signedAt, lang, me.company.timeZone) })}
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        <Grid>
          <Meta label={t('acts.act.client')}>
            <AccountAnchor accountId={act.account.id} tab="service">
              {act.account.name}
            </AccountAnchor>
          </Meta>
          <Meta label={t('acts.act.order')}>
            {act.orderDate ? t('acts.act.orderOf', { order: act.orderId, date: formatDay(act.orderDate, lang) }) : act.orderId}
          </Meta>
          <Meta label={t('acts.act.date')}>{formatDay(act.actDate, lang)}</Meta>
          <Meta label={t('acts.act.createdBy')}>{act.createdBy?.name ?? '—'}</Meta>
        </Grid>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Text fw={600} mb="xs">
          {t('acts.act.lines')}
        </Text>
        <Table fz="sm" verticalSpacing={6} data-testid="act-lines-view">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>{t('acts.columns.lineNo')}</Table.Th>
              <Table.Th>{t('acts.columns.product')}</Table.Th>
              <Table.Th ta="right">{t('acts.columns.ordered')}</Table.Th>
              <Table.Th ta="right">{t('acts.columns.quantity')}</Table.Th>
              <Table.Th>{t('acts.columns.reason')}</Table.Th>
              <Table.Th>{t('acts.columns.note')}</Table.Th>
              {!draft && <Table.Th>{t('acts.columns.returnId')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {act.lines.map((l) => (
              <Table.Tr key={l.lineNo}>
                <Table.Td>{l.lineNo}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {l.product.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {l.product.sku}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{Number(l.orderedQuantity).toLocaleString(lang)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {Number(l.quantity).toLocaleString(lang)}
                </Table.Td>
                <Table.Td>{t(`acts.reasons.${l.reason}`)}</Table.Td>
                <Table.Td c="dimmed">{l.note ?? ''}</Table.Td>
                {!draft && <Table.Td>{l.returnId ?? '—'}</Table.Td>}
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td />
              <Table.Td fw={600}>{t('acts.act.total')}</Table.Td>
              <Table.Td />
              <Table.Td ta="right" fw={600}>
                {total.toLocaleString(lang)}
              </Table.Td>
              <Table.Td colSpan={draft ? 2 : 3} />
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text size="sm" mt="sm" c={act.note ? undefined : 'dimmed'}>
          <b>{t('acts.act.note')}:</b> {act.note ?? t('acts.act.noNote')}
        </Text>
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Files act={act} fileRole="signed" files={signedCopy} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Files act={act} fileRole="photo" files={photos} />
        </Grid.Col>
      </Grid>
      <Paper withBorder radius="md" p="md">
        <Text fw={600}>{t('acts.act.prevention')}</Text>
        <Text size="sm" c="dimmed" mb="xs">
          {t('acts.act.preventionHint')}
        </Text>
        <Textarea
          autosize
          minRows={2}
          maxLength={4000}
          value={prevention}
          readOnly={!act.canWrite}
          onChange={(e) => setPrevention(e.currentTarget.value)}
          data-testid="act-prevention"
        />
        {act.canWrite && (
          <Group justify="flex-end" mt="xs">
            <Button
              size="xs"
              variant="default"
              disabled={prevention.trim() === (act.preventionNote ?? '')}
              loading={savePrevention.isPending}
              onClick={() => savePrevention.mutate(undefined)}
              data-testid="act-prevention-save"
            >
              {t('acts.act.savePrevention')}
            </Button>
          </Group>
        )}
      </Paper>
      <Modal opened={signing} onClose={() => setSigning(false)} title={t('acts.act.signConfirmTitle', { reference: act.reference })}>
        <Stack>
          <Text size="sm">{t('acts.act.signConfirm', { date: formatDay(act.actDate, lang) })}</Text>
          {sign.error && <Alert color="red">{errorMessage(sign.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSigning(false)}>
              {t('acts.form.cancel')}
            </Button>
            <Button
              leftSection={<IconSignature size={16} />}
              loading={sign.isPending}
              onClick={() => sign.mutate(undefined)}
              data-testid="act-sign-confirm"
            >
              {t('acts.act.sign')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Grid.Col span={{ base: 6, md: 3 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </Grid.Col>
  );
}

/** Photos or the signed copy: download for readers, attach and delete for writers (the signed copy stays once signed). */
function Files({ act, fileRole: role, files }: { act: ActDetail; fileRole: AttachmentRole; files: ActAttachment[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);
  const refresh = useActChange(() => api.get<ActDetail>(`/api/acts/${act.id}`));
  const remove = useActChange(async (id: string) => {
    await api.delete(`/api/acts/${act.id}/attachments/${id}`);
    return api.get<ActDetail>(`/api/acts/${act.id}`);
  });
  const attach = async (chosen: File[] | File | null) => {
    const list = Array.isArray(chosen) ? chosen : chosen ? [chosen] : [];
    if (!list.length) return;
    setBusy(true);
    const failed: string[] = [];
    for (const f of list) {
      try {
        await uploadActFile(act.id, role, f);
      } catch (e) {
        failed.push(`${f.name}: ${errorMessage(e)}`);
      }
    }
    setFailures(failed);
    setBusy(false);
    refresh.mutate(undefined);
  };
  const signed = role === 'signed';
  const mayDelete = act.canWrite && !(signed && act.status === 'signed');
  return (
    <Paper withBorder radius="md" p="md" h="100%" data-testid={signed ? 'act-signed-copy' : 'act-photos'}>
      <Group justify="space-between" mb="xs">
        <Group gap={6}>
          {signed ? <IconSignature size={16} /> : <IconPhoto size={16} />}
          <Text fw={600}>{signed ? t('acts.files.signedCopy') : t('acts.files.photos')}</Text>
        </Group>
        {act.canWrite && (signed ? act.status === 'draft' : true) && (
          <FileButton onChange={attach} multiple={!signed} accept={signed ? 'application/pdf,image/*' : 'image/*'}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="default"
                leftSection={<IconPaperclip size={14} />}
                loading={busy}
                data-testid={signed ? 'act-attach-signed' : 'act-attach-photo'}
              >
                {signed ? t('acts.files.attachSigned') : t('acts.files.addPhotos')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {failures.length > 0 && (
        <Alert color="red" title={t('acts.files.failed')} withCloseButton onClose={() => setFailures([])} mb="xs">
          {failures.map((f) => (
            <Text key={f} size="sm">
              {f}
            </Text>
          ))}
        </Alert>
      )}
      {files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {signed ? t('acts.files.noSigned') : t('acts.files.noPhotos')}
        </Text>
      ) : (
        <Stack gap={6}>
          {files.map((a) => (
            <Group key={a.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="act-file">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor
                  href={`/api/acts/${act.id}/attachments/${a.id}`}
                  download={a.fileName}
                  size="sm"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {a.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('acts.files.meta', { size: formatSize(a.sizeBytes, lang), who: a.uploadedBy?.name ?? '—' })}
                </Text>
              </Stack>
              {mayDelete && (
                <Tooltip label={t('acts.files.delete')}>
                  <ActionIcon variant="subtle" color="red" aria-label={t('acts.files.delete')} onClick={() => remove.mutate(a.id)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
