import GavelIcon from '@mui/icons-material/Gavel';
import { ReferralCreate } from './ReferralCreate';
import { ReferralEdit } from './ReferralEdit';
import { ReferralList } from './ReferralList';
import { ReferralShow } from './ReferralShow';

export default {
  list: ReferralList,
  show: ReferralShow,
  edit: ReferralEdit,
  create: ReferralCreate,
  icon: GavelIcon,
  recordRepresentation: 'number',
};
