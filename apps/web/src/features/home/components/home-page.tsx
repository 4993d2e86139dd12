import { useCan } from '../../../lib/authorization';
import { HomeDeadlinesCard } from '../../pipeline-reports/components/home-deadlines-card';
import { AdminHome } from './admin-home';
import { ScopeOverview } from './scope-overview';
import { WelcomeCard } from './welcome-card';

/** Business roles see their scope at a glance; the three administrators get their tools instead. */
export function HomePage() {
  const hasBusinessData = useCan('grids:read');
  // Branch organizers, org departments and inspectors: the development workflow's deadlines.
  const canReadDossiers = useCan('dossiers:read');
  return (
    <>
      <WelcomeCard />
      {canReadDossiers && <HomeDeadlinesCard />}
      {hasBusinessData ? <ScopeOverview /> : <AdminHome />}
    </>
  );
}
