import { crudControllerFor } from '../../core/crud/crud.controller.js';
import { ProductsService } from './products.service.js';

export class ProductsController extends crudControllerFor('products', ProductsService) {}
