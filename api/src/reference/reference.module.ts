import { Module } from '@nestjs/common';
import { CalendarDaysController } from './calendar-days/calendar-days.controller.js';
import { CalendarDaysService } from './calendar-days/calendar-days.service.js';
import { CategoriesController } from './categories/categories.controller.js';
import { CategoriesService } from './categories/categories.service.js';
import { OrganisationsController } from './organisations/organisations.controller.js';
import { OrganisationsService } from './organisations/organisations.service.js';
import { RegionsController } from './regions/regions.controller.js';
import { RegionsService } from './regions/regions.service.js';
import { SlaPoliciesController } from './sla-policies/sla-policies.controller.js';
import { SlaPoliciesService } from './sla-policies/sla-policies.service.js';

/** Regions, organisations, categories, SLA policies and the working calendar. */
@Module({
  controllers: [
    RegionsController,
    OrganisationsController,
    CategoriesController,
    SlaPoliciesController,
    CalendarDaysController,
  ],
  providers: [RegionsService, OrganisationsService, CategoriesService, SlaPoliciesService, CalendarDaysService],
  exports: [CalendarDaysService],
})
export class ReferenceModule {}
