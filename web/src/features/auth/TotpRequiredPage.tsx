import { Button, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meKey, useChangeLocale, useSignOut } from '../../app/session';
import { AuthLayout } from '../../ui/AuthLayout';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { TotpEnrolment } from './TotpEnrolment';

/** While the role requires two-factor and the user has none, this is the whole app. */
export function TotpRequiredPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const signOut = useSignOut();
  const changeLocale = useChangeLocale();
  return (
    <AuthLayout
      width={720}
      tools={
        <>
          <LanguageSwitch value={i18n.resolvedLanguage ?? 'en'} onChange={(l) => changeLocale.mutate(l)} />
          <Button variant="subtle" color="gray" size="xs" onClick={() => signOut.mutate()}>
            {t('nav.signOut')}
          </Button>
        </>
      }
    >
      <Stack gap="lg" data-testid="totp-enrolment">
        <div>
          <Title order={2} fz={22}>
            {t('totp.requiredTitle')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('totp.requiredText')}
          </Text>
        </div>
        <TotpEnrolment onDone={() => void client.invalidateQueries({ queryKey: meKey })} />
      </Stack>
    </AuthLayout>
  );
}
