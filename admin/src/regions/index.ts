import MapIcon from '@mui/icons-material/Map';
import { localizedName, type MultilingualName } from '../common/localizedName';
import { i18nProvider } from '../providers/i18nProvider';
import { RegionCreate } from './RegionCreate';
import { RegionEdit } from './RegionEdit';
import { RegionList } from './RegionList';

export default {
  list: RegionList,
  edit: RegionEdit,
  create: RegionCreate,
  icon: MapIcon,
  // Every locale change re-renders the app, so reading the locale here stays current.
  recordRepresentation: (region: MultilingualName) => localizedName(region, i18nProvider.getLocale()),
};
