import { Navigate, Outlet } from '@tanstack/react-router';
import { TotpRequiredPage } from '../features/auth/TotpRequiredPage';
import { FullPageLoader } from '../ui/FullPageLoader';
import { useMe, useSetupStatus } from './session';
import { Shell } from './Shell';

/** Decides what a visitor may see: first-run, sign-in, two-factor enrolment, or the app. */
export function AppGate() {
  const me = useMe();
  const setup = useSetupStatus();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) throw me.error;
  if (!me.data) {
    if (setup.isPending) return <FullPageLoader />;
    return <Navigate to={setup.data?.needed ? '/setup' : '/signin'} replace />;
  }
  if (me.data.totpEnrolmentRequired) return <TotpRequiredPage />;
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}
