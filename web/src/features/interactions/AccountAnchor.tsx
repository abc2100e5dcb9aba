import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';

/** A link to an account page (optionally a tab of it). */
export function AccountAnchor({
  accountId,
  tab,
  onClick,
  children,
  ...props
}: { accountId: string; tab?: 'commercial' | 'service'; onClick?: (e: MouseEvent) => void; children: ReactNode } & AnchorProps) {
  return (
    <Anchor
      {...props}
      onClick={onClick}
      renderRoot={(rootProps) => <Link {...rootProps} to="/accounts/$accountId" params={{ accountId }} search={tab ? { tab } : {}} />}
    >
      {children}
    </Anchor>
  );
}
