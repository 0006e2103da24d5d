import CategoryIcon from '@mui/icons-material/Category';
import { localizedName, type MultilingualName } from '../common/localizedName';
import { i18nProvider } from '../providers/i18nProvider';
import { CategoryCreate } from './CategoryCreate';
import { CategoryEdit } from './CategoryEdit';
import { CategoryList } from './CategoryList';

export default {
  list: CategoryList,
  edit: CategoryEdit,
  create: CategoryCreate,
  icon: CategoryIcon,
  // Every locale change re-renders the app, so reading the locale here stays current.
  recordRepresentation: (category: MultilingualName) => localizedName(category, i18nProvider.getLocale()),
};
