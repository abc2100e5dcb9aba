import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

/** An empty state that says what belongs here and offers the next step. */
export function Empty({ icon, title, text, action }: { icon: ReactNode; title: string; text: string; action?: ReactNode }) {
  return (
    <EmptyState py="xl" icon={icon} title={title} description={text} variant="light" data-testid="empty-state">
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
