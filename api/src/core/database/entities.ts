import { Appeal } from '../../appeals/appeal.entity.js';
import { AuditEvent } from '../../audit/audit-event.entity.js';
import { CalendarDay } from '../../reference/calendar-days/calendar-day.entity.js';
import { Category } from '../../reference/categories/category.entity.js';
import { Organisation } from '../../reference/organisations/organisation.entity.js';
import { Region } from '../../reference/regions/region.entity.js';
import { SlaPolicy } from '../../reference/sla-policies/sla-policy.entity.js';
import { Notification } from '../../notifications/notification.entity.js';
import { Referral } from '../../referrals/referral.entity.js';
import { User } from '../../users/user.entity.js';
import { Inspection } from '../../inspections/inspection.entity.js';
import { Finding } from '../../findings/finding.entity.js';
import { EvidenceFile } from '../../evidence-files/evidence-file.entity.js';
import { PriceBaseline } from '../../prices/price-baselines/price-baseline.entity.js';
import { PriceObservation } from '../../prices/price-observations/price-observation.entity.js';
import { Product } from '../../prices/products/product.entity.js';
import { CorrectiveAction } from '../../corrective-actions/corrective-action.entity.js';
import { AppealStatsRollup } from '../../stats/appeal-stats-rollup.entity.js';

export const ENTITIES = [
  User,
  Region,
  Organisation,
  SlaPolicy,
  Category,
  CalendarDay,
  AuditEvent,
  Appeal,
  Notification,
  Referral,
  Inspection,
  Finding,
  EvidenceFile,
  Product,
  PriceBaseline,
  PriceObservation,
  CorrectiveAction,
  AppealStatsRollup,
];
