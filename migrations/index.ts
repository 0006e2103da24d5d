import { Foundation1763856000000 } from './1763856000000-foundation.js';
import { QueueSchema1763900000000 } from './1763900000000-queue-schema.js';
import { Appeals1764000000000 } from './1764000000000-appeals.js';
import { AppealListIndexes1764050000000 } from './1764050000000-appeal-list-indexes.js';
import { Referrals1764100000000 } from './1764100000000-referrals.js';
import { Inspections1764200000000 } from './1764200000000-inspections.js';
import { PriceObservations1764250000000 } from './1764250000000-price-observations.js';
import { CorrectiveActions1764300000000 } from './1764300000000-corrective-actions.js';
import { AppealStats1764400000000 } from './1764400000000-appeal-stats.js';
import { PendingTimerIndexes1764450000000 } from './1764450000000-pending-timer-indexes.js';
import { UsersChangedNotify1764500000000 } from './1764500000000-users-changed-notify.js';
import { SignInHardening1764600000000 } from './1764600000000-sign-in-hardening.js';
import { AppRole1764700000000 } from './1764700000000-app-role.js';
import { QueueJobRuns1764800000000 } from './1764800000000-queue-job-runs.js';

/** Every migration, oldest first. The schema changes only through these. */
export const MIGRATIONS = [
  Foundation1763856000000,
  QueueSchema1763900000000,
  Appeals1764000000000,
  AppealListIndexes1764050000000,
  Referrals1764100000000,
  Inspections1764200000000,
  PriceObservations1764250000000,
  CorrectiveActions1764300000000,
  AppealStats1764400000000,
  PendingTimerIndexes1764450000000,
  UsersChangedNotify1764500000000,
  SignInHardening1764600000000,
  AppRole1764700000000,
  QueueJobRuns1764800000000,
];
