import ShoppingBasketIcon from '@mui/icons-material/ShoppingBasket';
import { localizedName, type MultilingualName } from '../common/localizedName';
import { i18nProvider } from '../providers/i18nProvider';
import { ProductCreate } from './ProductCreate';
import { ProductEdit } from './ProductEdit';
import { ProductList } from './ProductList';

export default {
  list: ProductList,
  edit: ProductEdit,
  create: ProductCreate,
  icon: ShoppingBasketIcon,
  // Every locale change re-renders the app, so reading the locale here stays current.
  recordRepresentation: (product: MultilingualName) => localizedName(product, i18nProvider.getLocale()),
};
