import { crudControllerFor } from '../../core/crud/crud.controller.js';
import { SlaPoliciesService } from './sla-policies.service.js';

export class SlaPoliciesController extends crudControllerFor('sla-policies', SlaPoliciesService) {}
