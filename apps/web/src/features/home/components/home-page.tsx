import { useCan } from '../../../lib/authorization';
import { AdminHome } from './admin-home';
import { ScopeOverview } from './scope-overview';
import { WelcomeCard } from './welcome-card';

/** Business roles see their scope at a glance; the three administrators get their tools instead. */
export function HomePage() {
  const hasBusinessData = useCan('grids:read');
  return (
    <>
      <WelcomeCard />
      {hasBusinessData ? <ScopeOverview /> : <AdminHome />}
    </>
  );
}
