import { REFERRAL_FUNNEL_STEPS } from '@adaldesk/libs';
import { DateInput, SearchInput, SelectInput } from 'react-admin';
import { OrganisationInput } from '../appeals/AppealReferenceInputs';
import { enumChoices } from '../common/choices';
import { RegionInput } from '../common/RegionInput';

/** The search box (number, summary, register number) is always there; the others from "filter". */
export const referralFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={enumChoices('referralStatus')} />,
  <SelectInput key="agency" source="agency" choices={enumChoices('referralAgency')} />,
  <SelectInput key="verdict" source="verdict" choices={enumChoices('referralVerdict')} />,
  // The dashboard's funnel bars open the list with this filter: the referrals that got at least that far.
  <SelectInput
    key="reached"
    source="reached"
    choices={REFERRAL_FUNNEL_STEPS.map((step) => ({ id: step, name: `app.dashboard.funnel.${step}` }))}
  />,
  <RegionInput key="regionId" source="regionId" allowNational={false} />,
  <OrganisationInput key="organisationId" source="organisationId" />,
  <DateInput key="referredOn_gte" source="referredOn_gte" />,
  <DateInput key="referredOn_lte" source="referredOn_lte" />,
];
