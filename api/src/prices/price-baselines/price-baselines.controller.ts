import { crudControllerFor } from '../../core/crud/crud.controller.js';
import { PriceBaselinesService } from './price-baselines.service.js';

export class PriceBaselinesController extends crudControllerFor('price-baselines', PriceBaselinesService) {}
