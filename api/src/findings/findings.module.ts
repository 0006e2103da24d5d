import { Module } from '@nestjs/common';
import { AppealsModule } from '../appeals/appeals.module.js';
import type { AppConfig } from '../core/config/app-config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { EvidenceFilesController } from '../evidence-files/evidence-files.controller.js';
import { EvidenceFilesService } from '../evidence-files/evidence-files.service.js';
import { EVIDENCE_STORE, evidenceStoreFor } from '../evidence-files/evidence-store.js';
import { InspectionsModule } from '../inspections/inspections.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { FindingsController } from './findings.controller.js';
import { FindingsService } from './findings.service.js';

/**
 * Findings and their evidence files. `FindingsService.openWithin` is the entry point for modules that
 * open findings in their own transaction (price observations).
 */
@Module({
  imports: [InspectionsModule, AppealsModule, SlaModule],
  controllers: [FindingsController, EvidenceFilesController],
  providers: [
    FindingsService,
    EvidenceFilesService,
    {
      provide: EVIDENCE_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => evidenceStoreFor(config.evidence),
    },
  ],
  exports: [FindingsService],
})
export class FindingsModule {}
