import FactCheckIcon from '@mui/icons-material/FactCheck';
import { InspectionCreate } from './InspectionCreate';
import { InspectionEdit } from './InspectionEdit';
import { InspectionList } from './InspectionList';
import { InspectionShow } from './InspectionShow';

export default {
  list: InspectionList,
  show: InspectionShow,
  edit: InspectionEdit,
  create: InspectionCreate,
  icon: FactCheckIcon,
  recordRepresentation: 'number',
};
