import { createRootRoute, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { AccountPage } from '../features/accounts/AccountPage';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { AuditPage } from '../features/audit/AuditPage';
import { CompetitorsPage } from '../features/competitors/CompetitorsPage';
import { ImportsPage } from '../features/imports/ImportsPage';
import { KpiPage } from '../features/kpi/KpiPage';
import { validateKpiSearch } from '../features/kpi/search';
import { PlansPage } from '../features/targets/PlansPage';
import { validatePlansSearch } from '../features/targets/search';
import { InteractionsPage } from '../features/interactions/InteractionsPage';
import { validateInteractionsSearch, validateServiceSearch } from '../features/interactions/search';
import { ServicePage } from '../features/complaints/ServicePage';
import { SlaSettingsPage } from '../features/complaints/SlaSettingsPage';
import { SurveyPage } from '../features/complaints/SurveyPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { ActPage } from '../features/acts/ActPage';
import { ActsPage } from '../features/acts/ActsPage';
import { validateActsSearch } from '../features/acts/search';
import { RequestsPage } from '../features/requests/RequestsPage';
import { CadencesPage } from '../features/plan/CadencesPage';
import { PlanPage } from '../features/plan/PlanPage';
import { RetieringPage } from '../features/tiering/RetieringPage';
import { ScoringSettingsPage } from '../features/tiering/ScoringSettingsPage';
import { InvitePage } from '../features/auth/InvitePage';
import { SignInPage } from '../features/auth/SignInPage';
import { CompanyPage } from '../features/company/CompanyPage';
import { MailSettingsPage } from '../features/mail/MailSettingsPage';
import { WorkCalendarPage } from '../features/calendar/WorkCalendarPage';
import { ErrorPage } from '../features/errors/ErrorPage';
import { NotFoundPage } from '../features/errors/NotFoundPage';
import { HomePage } from '../features/home/HomePage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { SetupPage } from '../features/setup/SetupPage';
import { UsersPage } from '../features/users/UsersPage';
import { AppGate } from './AppGate';

const rootRoute = createRootRoute({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

const setupRoute = createRoute({ getParentRoute: () => rootRoute, path: '/setup', component: SetupPage });
const signInRoute = createRoute({ getParentRoute: () => rootRoute, path: '/signin', component: SignInPage });
export const inviteRoute = createRoute({ getParentRoute: () => rootRoute, path: '/invite/$token', component: InvitePage });
/** The client's satisfaction survey: public, outside the signed-in shell (the link's secret is the credential). */
export const surveyRoute = createRoute({ getParentRoute: () => rootRoute, path: '/survey/$token', component: SurveyPage });

/** Everything below needs a signed-in user (and two-factor enrolment where the role requires it). */
const appRoute = createRoute({ getParentRoute: () => rootRoute, id: 'app', component: AppGate });
const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });
const profileRoute = createRoute({ getParentRoute: () => appRoute, path: '/profile', component: ProfilePage });
export const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/users',
  component: UsersPage,
  validateSearch: (search: Record<string, unknown>): { user?: string } => (typeof search.user === 'string' ? { user: search.user } : {}),
});
const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/audit', component: AuditPage });
const companyRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/company', component: CompanyPage });
const mailRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/mail', component: MailSettingsPage });
const workCalendarRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/calendar', component: WorkCalendarPage });

export const accountsRoute = createRoute({ getParentRoute: () => appRoute, path: '/accounts', component: AccountsPage });
export const accountTabs = ['overview', 'stakeholders', 'plan', 'commercial', 'service', 'tasks', 'competitors', 'timeline'] as const;
export type AccountTab = (typeof accountTabs)[number];
export const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts/$accountId',
  component: AccountPage,
  validateSearch: (search: Record<string, unknown>): { tab?: AccountTab } =>
    accountTabs.includes(search.tab as AccountTab) ? { tab: search.tab as AccountTab } : {},
});
export const retieringRoute = createRoute({ getParentRoute: () => appRoute, path: '/accounts/retiering', component: RetieringPage });
const competitorsRoute = createRoute({ getParentRoute: () => appRoute, path: '/competitors', component: CompetitorsPage });
const scoringRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/scoring', component: ScoringSettingsPage });
const importsRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/imports', component: ImportsPage });
const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sales-plans',
  component: PlansPage,
  validateSearch: validatePlansSearch,
});
const interactionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/interactions',
  component: InteractionsPage,
  validateSearch: validateInteractionsSearch,
});
const serviceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/service',
  component: ServicePage,
  validateSearch: validateServiceSearch,
});
const tasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks',
  component: TasksPage,
  // ?task=<id> opens that task (links of notifications)
  validateSearch: (search: Record<string, unknown>): { task?: string } => (typeof search.task === 'string' ? { task: search.task } : {}),
});
const actsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/acts',
  component: ActsPage,
  validateSearch: validateActsSearch,
});
const actRoute = createRoute({ getParentRoute: () => appRoute, path: '/acts/$actId', component: ActPage });
const requestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requests',
  component: RequestsPage,
  // ?request=<id> opens that request (links of notifications)
  validateSearch: (search: Record<string, unknown>): { request?: string } =>
    typeof search.request === 'string' ? { request: search.request } : {},
});
const planRoute = createRoute({ getParentRoute: () => appRoute, path: '/plan', component: PlanPage });
const cadencesRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/cadences', component: CadencesPage });
const slaSettingsRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/sla', component: SlaSettingsPage });
export const kpiRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kpi',
  component: KpiPage,
  validateSearch: validateKpiSearch,
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  signInRoute,
  inviteRoute,
  surveyRoute,
  appRoute.addChildren([
    homeRoute,
    profileRoute,
    usersRoute,
    auditRoute,
    companyRoute,
    mailRoute,
    workCalendarRoute,
    accountsRoute,
    accountRoute,
    retieringRoute,
    competitorsRoute,
    scoringRoute,
    importsRoute,
    plansRoute,
    interactionsRoute,
    serviceRoute,
    tasksRoute,
    actsRoute,
    actRoute,
    requestsRoute,
    planRoute,
    cadencesRoute,
    slaSettingsRoute,
    kpiRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  defaultNotFoundComponent: NotFoundPage,
  defaultErrorComponent: ErrorPage,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
