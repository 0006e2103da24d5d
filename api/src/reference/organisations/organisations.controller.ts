import { crudControllerFor } from '../../core/crud/crud.controller.js';
import { OrganisationsService } from './organisations.service.js';

export class OrganisationsController extends crudControllerFor('organisations', OrganisationsService) {}
