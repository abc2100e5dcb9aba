import { Alert, Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateApiTokenRequest } from '../../../../src/modules/auth/auth.contracts';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import type { ApiTokenListT, CreatedApiTokenT } from '../../app/types';
import { formatDate } from '../../i18n/format';
import { CopyField } from '../../ui/CopyField';
import { Empty } from '../../ui/Empty';
import { notifySuccess, showServerError, zodValidate } from '../../ui/formErrors';
import { PlainTh } from '../../ui/SortableTh';
import { Section } from './Section';

type TokenRow = ApiTokenListT['items'][number];

export function TokensSection() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiTokenT | null>(null);
  const [revoking, setRevoking] = useState<TokenRow | null>(null);
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api.get<ApiTokenListT>('/api/me/tokens') });
  const form = useForm<{ name: string; expiresInDays: number | string }>({
    mode: 'uncontrolled',
    initialValues: { name: '', expiresInDays: '' },
    validate: zodValidate(CreateApiTokenRequest, (v: { name: string; expiresInDays: number | string }) => toRequest(v)),
  });
  const create = useMutation({
    mutationFn: (v: { name: string; expiresInDays: number | string }) => api.post<CreatedApiTokenT>('/api/me/tokens', toRequest(v)),
    onSuccess: (answer) => {
      setCreating(false);
      setCreated(answer);
      form.reset();
      void client.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: (error) => showServerError(error, form),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/me/tokens/${id}`),
    onSuccess: () => {
      setRevoking(null);
      notifySuccess(t('profile.revoked'));
      void client.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: (error) => showServerError(error),
  });
  const date = (value: string | null) => (value ? formatDate(value, lang, me.company.timeZone) : '—');

  return (
    <Section
      title={t('profile.tokensTitle')}
      text={t('profile.tokensText')}
      aside={
        <Button variant="default" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
          {t('profile.newToken')}
        </Button>
      }
    >
      {tokens.data && tokens.data.items.length === 0 ? (
        <Empty icon={<IconKey size={26} />} title={t('profile.noTokensTitle')} text={t('profile.noTokensText')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="tokens-table">
            <Table.Thead>
              <Table.Tr>
                <PlainTh>{t('profile.tokenName')}</PlainTh>
                <PlainTh>{t('profile.tokenPrefix')}</PlainTh>
                <PlainTh>{t('profile.tokenCreated')}</PlainTh>
                <PlainTh>{t('profile.tokenLastUsed')}</PlainTh>
                <PlainTh>{t('profile.tokenExpires')}</PlainTh>
                <PlainTh>{''}</PlainTh>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data?.items.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {token.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {token.prefix}…
                    </Text>
                  </Table.Td>
                  <Table.Td>{date(token.createdAt)}</Table.Td>
                  <Table.Td>{token.lastUsedAt ? date(token.lastUsedAt) : t('common.never')}</Table.Td>
                  <Table.Td>{date(token.expiresAt)}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(token)}>
                      {t('profile.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal opened={creating} onClose={() => setCreating(false)} title={t('profile.newToken')} centered>
        <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
          <Stack gap="sm">
            <TextInput label={t('profile.tokenName')} data-autofocus {...form.getInputProps('name')} key={form.key('name')} />
            <NumberInput
              label={t('profile.tokenExpiresIn')}
              description={t('profile.tokenNoExpiry')}
              min={1}
              max={3650}
              allowDecimal={false}
              {...form.getInputProps('expiresInDays')}
              key={form.key('expiresInDays')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCreating(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('profile.createToken')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={!!created} onClose={() => setCreated(null)} title={created?.name} centered size="lg">
        <Stack gap="sm">
          <Alert color="yellow" variant="light">
            {t('profile.tokenShownOnce')}
          </Alert>
          {created && <CopyField value={created.token} testId="new-token" />}
          <Group justify="flex-end">
            <Button onClick={() => setCreated(null)}>{t('users.done')}</Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={!!revoking} onClose={() => setRevoking(null)} title={t('profile.revoke')} centered>
        <Text size="sm">{t('profile.revokeConfirm', { name: revoking?.name ?? '' })}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setRevoking(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>
            {t('profile.revoke')}
          </Button>
        </Group>
      </Modal>
    </Section>
  );
}

function toRequest(v: { name: string; expiresInDays: number | string }) {
  return typeof v.expiresInDays === 'number' ? { name: v.name, expiresInDays: v.expiresInDays } : { name: v.name };
}
