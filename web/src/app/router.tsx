import { createRootRoute, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { AuditPage } from '../features/audit/AuditPage';
import { InvitePage } from '../features/auth/InvitePage';
import { SignInPage } from '../features/auth/SignInPage';
import { CompanyPage } from '../features/company/CompanyPage';
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

const routeTree = rootRoute.addChildren([
  setupRoute,
  signInRoute,
  inviteRoute,
  appRoute.addChildren([homeRoute, profileRoute, usersRoute, auditRoute, companyRoute]),
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
