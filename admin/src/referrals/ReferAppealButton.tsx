import { useRecordContext } from 'react-admin';
import type { AppealRecord } from '../appeals/appealTypes';
import { ReferButton } from './ReferButton';

/** "Refer to law enforcement" on an appeal: the referral form opens with the appeal chosen. */
export const ReferAppealButton = () => {
  const appeal = useRecordContext<AppealRecord>();
  if (!appeal) return null;
  return (
    <ReferButton
      sourceId={appeal.id}
      regionId={appeal.regionId}
      prefill={{ appealId: appeal.id, organisationId: appeal.organisationId }}
      testId="refer-appeal"
    />
  );
};
