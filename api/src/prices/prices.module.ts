import { Module } from '@nestjs/common';
import { FindingsModule } from '../findings/findings.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { PriceBaselinesController } from './price-baselines/price-baselines.controller.js';
import { PriceBaselinesService } from './price-baselines/price-baselines.service.js';
import { PriceObservationsController } from './price-observations/price-observations.controller.js';
import { PriceObservationsService } from './price-observations/price-observations.service.js';
import { ProductsController } from './products/products.controller.js';
import { ProductsService } from './products/products.service.js';

/** Market price monitoring: products, admin-set baselines, and the prices inspectors observe. */
@Module({
  imports: [SlaModule, FindingsModule],
  controllers: [ProductsController, PriceBaselinesController, PriceObservationsController],
  providers: [ProductsService, PriceBaselinesService, PriceObservationsService],
})
export class PricesModule {}
