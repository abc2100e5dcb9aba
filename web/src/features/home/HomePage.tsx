import { Grid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can, useCurrentUser } from '../../app/session';
import { formatLongDate } from '../../i18n/format';
import { AdminChecklist } from './AdminChecklist';
import { CompanyCard } from './CompanyCard';
import { DueCard } from './DueCard';
import { MyTasksCard } from './MyTasksCard';
import { RetieringCard } from '../tiering/RetieringCard';
import { TeamCard } from './TeamCard';
import { TodayCard } from './TodayCard';

function greetingKey(hour: number): 'home.morning' | 'home.afternoon' | 'home.evening' {
  if (hour >= 5 && hour < 12) return 'home.morning';
  if (hour >= 12 && hour < 18) return 'home.afternoon';
  return 'home.evening';
}

/** The hour where the company works, so the greeting matches the office clock. */
function hourIn(timeZone: string): number {
  try {
    const hour = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(new Date());
    return Number.parseInt(hour, 10);
  } catch {
    return new Date().getHours();
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export function HomePage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const now = new Date();
  const isAdmin = can(me, 'company.manage') || can(me, 'users.manage');
  /** KAMs and senior KAMs start the day from "My day": their plan, what is due, their tasks */
  const myDay = (me.role === 'kam' || me.role === 'senior_kam') && can(me, 'plan.read');
  return (
    <Stack gap="lg">
      <div>
        <Text size="sm" c="dimmed">
          {capitalize(formatLongDate(now, i18n.resolvedLanguage ?? 'en', me.company.timeZone))}
        </Text>
        <Title order={1} fz={26} data-testid="greeting">
          {t(greetingKey(hourIn(me.company.timeZone)), { name: firstName(me.name) })}
        </Title>
        <Text c="dimmed" size="sm">
          {t('home.roleAt', { role: t(`roles.${me.role}`), company: me.company.name })}
        </Text>
      </div>
      {myDay ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="lg">
              <TodayCard />
              <MyTasksCard />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <DueCard />
              <TeamCard />
              <CompanyCard />
            </Stack>
          </Grid.Col>
        </Grid>
      ) : (
        <HomeCards isAdmin={isAdmin} />
      )}
    </Stack>
  );
}

/** The home cards of everyone else: setting up (admins), the team, the company, re-tiering. */
function HomeCards({ isAdmin }: { isAdmin: boolean }) {
  const me = useCurrentUser();
  return (
    <Grid gap="lg">
      {isAdmin && (
        <Grid.Col span={{ base: 12, md: 7 }}>
          <AdminChecklist />
        </Grid.Col>
      )}
      <Grid.Col span={{ base: 12, md: isAdmin ? 5 : 7 }}>
        <TeamCard />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: isAdmin ? 7 : 5 }}>
        <CompanyCard />
      </Grid.Col>
      {can(me, 'accounts.retier') && (
        <Grid.Col span={{ base: 12, md: isAdmin ? 5 : 12 }}>
          <RetieringCard />
        </Grid.Col>
      )}
    </Grid>
  );
}
