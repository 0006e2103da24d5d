import TimelineIcon from '@mui/icons-material/Timeline';
import { PriceBaselineCreate } from './PriceBaselineCreate';
import { PriceBaselineEdit } from './PriceBaselineEdit';
import { PriceBaselineList } from './PriceBaselineList';

export default {
  list: PriceBaselineList,
  edit: PriceBaselineEdit,
  create: PriceBaselineCreate,
  icon: TimelineIcon,
};
