import GavelIcon from '@mui/icons-material/Gavel';
import { CreateButton, useCanAccess, useRecordContext } from 'react-admin';
import type { AppealRecord } from '../appeals/appealTypes';

/**
 * "Refer to law enforcement" on an appeal: one click opens the referral form with the appeal chosen,
 * for those the rules let refer materials in the appeal's region.
 */
export const ReferAppealButton = () => {
  const appeal = useRecordContext<AppealRecord>();
  // react-admin caches the answer by record id: the appeal's, so that no other check shares it.
  const { canAccess } = useCanAccess({
    resource: 'referrals',
    action: 'create',
    record: appeal ? { id: appeal.id, regionId: appeal.regionId } : undefined,
    enabled: !!appeal,
  });
  if (!appeal || !canAccess) return null;
  return (
    <CreateButton
      resource="referrals"
      label="app.referrals.refer"
      icon={<GavelIcon />}
      state={{ record: { appealId: appeal.id, organisationId: appeal.organisationId } }}
      data-testid="refer-appeal"
    />
  );
};
