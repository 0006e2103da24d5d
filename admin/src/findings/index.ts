import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { FindingEdit } from './FindingEdit';
import { FindingList } from './FindingList';
import { FindingShow } from './FindingShow';

/** Findings are created from their inspection's page (quick entry), so there is no create view here. */
export default {
  list: FindingList,
  show: FindingShow,
  edit: FindingEdit,
  icon: ReportProblemIcon,
  recordRepresentation: 'number',
};
