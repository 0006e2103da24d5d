import { Foundation1763856000000 } from './1763856000000-foundation.js';
import { QueueSchema1763900000000 } from './1763900000000-queue-schema.js';
import { Appeals1764000000000 } from './1764000000000-appeals.js';
import { AppealListIndexes1764050000000 } from './1764050000000-appeal-list-indexes.js';
import { Referrals1764100000000 } from './1764100000000-referrals.js';

/** Every migration, oldest first. The schema changes only through these. */
export const MIGRATIONS = [
  Foundation1763856000000,
  QueueSchema1763900000000,
  Appeals1764000000000,
  AppealListIndexes1764050000000,
  Referrals1764100000000,
];
