import { crudControllerFor } from '../../core/crud/crud.controller.js';
import { CategoriesService } from './categories.service.js';

export class CategoriesController extends crudControllerFor('categories', CategoriesService) {}
