import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../core/errors/app-error.js';

/** One limit on failed sign-ins: at most `maxFailures` in the last `windowSeconds`. */
interface FailureLimit {
  /** Whose failures count, as SQL over `login_failures` whose parameters from `$2` on are `keys`. */
  counts: string;
  keys(attempt: LoginAttempt): (string | null)[];
  maxFailures: number;
  windowSeconds: number;
  /** Who is refused, for the message. */
  refused: string;
  /** Whether the limit needs the address (none when the client address is unknown). */
  needsAddress: boolean;
}

/**
 * The limits, checked in this order. A hard lockout is per account and address together, so one
 * person's typos or a burst against one account from one place locks only that pair. An account has a
 * looser ceiling across all addresses, against guessing from many machines. An address (one office
 * behind NAT) is never locked out for long: past its ceiling it is only slowed to that many failures a
 * minute, so a credential-stuffing burst costs the office at most a minute.
 */
const LIMITS: FailureLimit[] = [
  {
    counts: 'account = $2 AND address IS NOT DISTINCT FROM $3',
    keys: ({ account, address }) => [account, address],
    maxFailures: 5,
    windowSeconds: 15 * 60,
    refused: 'this account from this address',
    needsAddress: false,
  },
  {
    counts: 'account = $2',
    keys: ({ account }) => [account],
    maxFailures: 10,
    windowSeconds: 15 * 60,
    refused: 'this account',
    needsAddress: false,
  },
  {
    counts: 'address = $2',
    keys: ({ address }) => [address],
    maxFailures: 20,
    windowSeconds: 60,
    refused: 'this address',
    needsAddress: true,
  },
];

/** Advisory locks of the sign-in limits (the two-key form keeps them apart from other advisory locks). */
const LOCK_NAMESPACE = 1_764_600;

/** A sign-in attempt counted as a failure until its password proves right. */
export interface LoginAttempt {
  account: string;
  address: string | null;
}

/**
 * Failed sign-ins, counted in PostgreSQL so the limits hold across every API instance. Each attempt
 * reserves its place before the password is checked: under advisory locks on its account and address it
 * counts the failures in each window and, if every limit allows it, records itself as a failure in
 * the same transaction. So N concurrent wrong passwords check exactly as many as the limit allows; a
 * right password then clears its account-and-address pair. Windows run on the database's clock (the
 * one every instance shares), not the application's.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts an attempt as failed, or answers 429 naming who is limited and for how long. */
  async reserve(email: string, ip: string | null): Promise<LoginAttempt> {
    const attempt = { account: email.trim().toLowerCase(), address: ip };
    await this.dataSource.transaction(async (manager) => {
      await this.lock(manager, attempt);
      for (const limit of LIMITS) {
        if (limit.needsAddress && attempt.address === null) continue;
        const [{ failures, retryAfterSeconds }]: { failures: number; retryAfterSeconds: number | null }[] =
          await manager.query(
            `SELECT count(*)::int AS failures,
                    ceil(extract(epoch FROM min(failed_at) + make_interval(secs => $1) - now()))::int AS "retryAfterSeconds"
               FROM login_failures
              WHERE ${limit.counts} AND failed_at > now() - make_interval(secs => $1)`,
            [limit.windowSeconds, ...limit.keys(attempt)],
          );
        if (failures >= limit.maxFailures) throw tooMany(limit, Math.max(1, retryAfterSeconds ?? 1));
      }
      await manager.query(`INSERT INTO login_failures (account, address) VALUES ($1, $2)`, [
        attempt.account,
        attempt.address,
      ]);
    });
    return attempt;
  }

  /** The password was wrong: the reserved failure stays; failures older than a day are dropped. */
  async failed(): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE failed_at < now() - interval '1 day'`);
  }

  /** The password was right: the pair's failures, this attempt's included, are forgotten. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE account = $1 AND address IS NOT DISTINCT FROM $2`, [
      attempt.account,
      attempt.address,
    ]);
  }

  private async lock(manager: EntityManager, attempt: LoginAttempt): Promise<void> {
    // Always in the same order (account, then address), so two attempts never wait on each other in a cycle.
    const keys = [`account:${attempt.account}`, ...(attempt.address === null ? [] : [`address:${attempt.address}`])];
    for (const key of keys) {
      await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [LOCK_NAMESPACE, key]);
    }
  }
}

function tooMany(limit: FailureLimit, retryAfterSeconds: number): AppError {
  const wait =
    retryAfterSeconds < 120 ? `${retryAfterSeconds} second(s)` : `${Math.ceil(retryAfterSeconds / 60)} minute(s)`;
  return new AppError(
    ErrorCode.TooManyRequests,
    `Too many failed sign-ins for ${limit.refused}; try again in ${wait}`,
    {
      retryAfterSeconds,
    },
  );
}
