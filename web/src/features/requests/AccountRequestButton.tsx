import { Button } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useCurrentUser } from '../../app/session';
import type { Account } from '../accounts/accountsApi';
import { RequestFormDrawer } from './RequestFormDrawer';

/** "Ask a department" on a client's page: raises a request for this client (KAMs, seniors, head who see it in full). */
export function AccountRequestButton({ account }: { account: Account }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  if (!can(me, 'interactions.write') || account.access !== 'full' || account.archived) return null;
  return (
    <>
      <Button variant="default" leftSection={<IconSend size={16} />} onClick={() => setOpen(true)} data-testid="account-new-request">
        {t('requests.account.button')}
      </Button>
      <RequestFormDrawer
        opened={open}
        request={null}
        accountId={account.id}
        lockAccount
        onClose={() => setOpen(false)}
        onSaved={(r) => void navigate({ to: '/requests', search: { request: r.id } })}
      />
    </>
  );
}
