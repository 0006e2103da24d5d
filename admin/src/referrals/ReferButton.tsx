import GavelIcon from '@mui/icons-material/Gavel';
import { CreateButton, useCanAccess } from 'react-admin';

/**
 * "Refer to law enforcement" from a record (an appeal, a finding): opens the referral form with the
 * source chosen, for those the rules let refer materials in the source's region.
 */
export const ReferButton = ({
  sourceId,
  regionId,
  prefill,
  testId,
}: {
  sourceId: string;
  regionId: string;
  /** What the referral form starts with: `{ appealId }` or `{ findingId }`, and what else the source gives. */
  prefill: Record<string, unknown>;
  testId: string;
}) => {
  // react-admin caches the answer by record id: the source's, so that no other check shares it.
  const { canAccess } = useCanAccess({ resource: 'referrals', action: 'create', record: { id: sourceId, regionId } });
  if (!canAccess) return null;
  return (
    <CreateButton
      resource="referrals"
      label="app.referrals.refer"
      icon={<GavelIcon />}
      state={{ record: prefill }}
      data-testid={testId}
    />
  );
};
