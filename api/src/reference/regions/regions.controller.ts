import { crudControllerFor } from '../../core/crud/crud.controller.js';
import { RegionsService } from './regions.service.js';

export class RegionsController extends crudControllerFor('regions', RegionsService) {}
