import { Admin, LoginWithEmail, reactRouterProvider, Resource } from 'react-admin';
import appeals from './appeals';
import auditEvents from './audit-events';
import calendarDays from './calendar-days';
import categories from './categories';
import { HomePage } from './home/HomePage';
import { AppLayout } from './layout/AppLayout';
import notifications from './notifications';
import organisations from './organisations';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import referrals from './referrals';
import { ReferralBoard } from './referrals/ReferralBoard';
import regions from './regions';
import slaPolicies from './sla-policies';
import users from './users';
import priceObservations from './price-observations';
import priceBaselines from './price-baselines';
import products from './products';
import inspections from './inspections';
import findings from './findings';
import correctiveActions from './corrective-actions';

// The router react-admin runs on, for the pages a resource has beyond list, show, edit and create.
const { Route } = reactRouterProvider;

/**
 * The menu lists a resource only when `authProvider.canAccess` allows its list, so each role sees
 * just what the shared rules give it.
 */
export const App = () => (
  <Admin
    title="AdalDesk"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginWithEmail}
    dashboard={HomePage}
    layout={AppLayout}
    requireAuth
    disableTelemetry
  >
    <Resource name="appeals" {...appeals} />
    <Resource name="referrals" {...referrals}>
      <Route path="board" element={<ReferralBoard />} />
    </Resource>
    <Resource name="organisations" {...organisations} />
    <Resource name="categories" {...categories} />
    <Resource name="regions" {...regions} />
    <Resource name="calendar-days" {...calendarDays} />
    <Resource name="sla-policies" {...slaPolicies} />
    <Resource name="users" {...users} />
    <Resource name="audit-events" {...auditEvents} />
    <Resource name="notifications" {...notifications} />
    <Resource name="price-observations" {...priceObservations} />
    <Resource name="products" {...products} />
    <Resource name="price-baselines" {...priceBaselines} />
    <Resource name="inspections" {...inspections} />
    <Resource name="findings" {...findings} />
    <Resource name="evidence-files" />
    <Resource name="corrective-actions" {...correctiveActions} />
  </Admin>
);
