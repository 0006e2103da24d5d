import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../core/errors/app-error.js';

const WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_IP = 20;

/**
 * Counts failed sign-ins per account and per IP address in PostgreSQL, so the limit holds across
 * every API instance. Too many in the window answers 429 until the oldest failure ages out.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  async assertAllowed(email: string, ip: string | null): Promise<void> {
    const keys = [accountKey(email), ...(ip ? [ipKey(ip)] : [])];
    const rows: { key: string; failures: number; oldest: Date }[] = await this.dataSource.query(
      `SELECT key, count(*)::int AS failures, min(failed_at) AS oldest
         FROM login_failures
        WHERE key = ANY($1) AND failed_at > now() - make_interval(mins => $2)
        GROUP BY key`,
      [keys, WINDOW_MINUTES],
    );
    for (const row of rows) {
      const limit = row.key.startsWith('account:') ? MAX_FAILURES_PER_ACCOUNT : MAX_FAILURES_PER_IP;
      if (row.failures >= limit) {
        const retryAfterSeconds = Math.max(
          1,
          Math.ceil((new Date(row.oldest).getTime() + WINDOW_MINUTES * 60_000 - Date.now()) / 1000),
        );
        const what = row.key.startsWith('account:') ? 'this account' : 'this address';
        throw new AppError(
          ErrorCode.TooManyRequests,
          `Too many failed sign-ins for ${what}; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
          { retryAfterSeconds },
        );
      }
    }
  }

  async recordFailure(email: string, ip: string | null): Promise<void> {
    const keys = [accountKey(email), ...(ip ? [ipKey(ip)] : [])];
    await this.dataSource.query(`INSERT INTO login_failures (key) SELECT unnest($1::text[])`, [keys]);
    await this.dataSource.query(`DELETE FROM login_failures WHERE failed_at < now() - interval '1 day'`);
  }

  async clearAccount(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE key = $1`, [accountKey(email)]);
  }
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;
