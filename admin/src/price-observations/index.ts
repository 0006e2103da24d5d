import PriceCheckIcon from '@mui/icons-material/PriceCheck';
import { PriceObservationCreate } from './PriceObservationCreate';
import { PriceObservationEdit } from './PriceObservationEdit';
import { PriceObservationList } from './PriceObservationList';
import { PriceObservationShow } from './PriceObservationShow';

export default {
  list: PriceObservationList,
  show: PriceObservationShow,
  edit: PriceObservationEdit,
  create: PriceObservationCreate,
  icon: PriceCheckIcon,
  recordRepresentation: 'observedOn',
};
