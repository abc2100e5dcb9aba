import { Alert, Button, SimpleGrid, Stack } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src/modules/accounts/accounts.contracts';
import { errorMessage } from '../../app/api';
import { Empty } from '../../ui/Empty';
import { notifySuccess } from '../../ui/formErrors';
import { PageSkeleton } from '../../ui/PageSkeleton';
import { BusinessGoalsCard } from './BusinessGoalsCard';
import { GoalsCard } from './GoalsCard';
import { OpportunitiesCard } from './OpportunitiesCard';
import { PlanReviewBar } from './PlanReviewBar';
import { type Plan, usePlan, usePlanChange } from './planApi';
import { StatusItemsCard } from './StatusItemsCard';
import { SwotCard } from './SwotCard';

const isEmpty = (p: Plan) =>
  !p.started && !p.needs.length && !p.solutions.length && !p.goals.length && !p.swot.length && !p.opportunities.length;

/** The account plan (A4): goals, needs, solutions, long-term goals, SWOT, opportunities and its review. */
export function PlanTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const plan = usePlan(account.id);
  const change = usePlanChange(account.id);
  if (plan.isPending) return <PageSkeleton rows={4} />;
  if (plan.isError)
    return (
      <Alert color="red" variant="light">
        {errorMessage(plan.error)}
      </Alert>
    );
  const p = plan.data;
  if (isEmpty(p))
    return (
      <Empty
        icon={<IconTargetArrow size={28} />}
        title={t('plans.emptyTitle')}
        text={p.can.edit ? t('plans.emptyText') : t('plans.emptyTextReader')}
        action={
          p.can.edit && (
            <Button
              leftSection={<IconTargetArrow size={16} />}
              loading={change.isPending}
              onClick={() =>
                change.mutate({ method: 'put', path: '', body: { version: 0 } }, { onSuccess: () => notifySuccess(t('plans.started')) })
              }
              data-testid="start-plan"
            >
              {t('plans.start')}
            </Button>
          )
        }
      />
    );
  return (
    <Stack gap="md" data-testid="plan-tab">
      <PlanReviewBar plan={p} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <BusinessGoalsCard plan={p} />
        <GoalsCard plan={p} />
        <StatusItemsCard plan={p} section="needs" />
        <StatusItemsCard plan={p} section="solutions" />
      </SimpleGrid>
      <SwotCard plan={p} />
      <OpportunitiesCard plan={p} />
    </Stack>
  );
}
