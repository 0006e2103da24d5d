import { crudControllerFor } from '../core/crud/crud.controller.js';
import { UsersService } from './users.service.js';

export class UsersController extends crudControllerFor('users', UsersService) {}
