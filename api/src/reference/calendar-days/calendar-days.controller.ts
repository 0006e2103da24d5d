import { crudControllerFor } from '../../core/crud/crud.controller.js';
import { CalendarDaysService } from './calendar-days.service.js';

export class CalendarDaysController extends crudControllerFor('calendar-days', CalendarDaysService) {}
