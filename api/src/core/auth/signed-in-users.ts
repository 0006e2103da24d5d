import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { User } from '../../users/user.entity.js';

export type SignedInUser = Pick<User, 'id' | 'email' | 'fullName' | 'role' | 'regionId' | 'active' | 'sessionVersion'>;

/** The channel migration 1764500000000's trigger names a changed user on. */
const USERS_CHANGED = 'adaldesk_users_changed';
/** A remembered user is read again after this long even if no change was heard (a missed notice). */
const REMEMBER_MILLIS = 60_000;
const MAX_REMEMBERED = 10_000;
const RECONNECT_MILLIS = 5_000;

/**
 * The users requests are signed in for, as the database has them now. Every request needs its user
 * (a deactivated account is refused at once); reading it was a round trip per request. Users are
 * remembered while this instance LISTENs to the database's notice of a change to one of them (sent
 * by a trigger, on commit, to every instance), and forgotten on that notice; while not listening
 * (not yet connected, connection lost) every request reads the database as before.
 */
@Injectable()
export class SignedInUsers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SignedInUsers');
  private readonly remembered = new Map<string, { user: SignedInUser; readAt: number }>();
  private listener: pg.Client | null = null;
  private listening = false;
  /** Counts the notices heard: a read that a notice overtook is not remembered. */
  private notices = 0;
  private reconnect: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    await this.listener?.end().catch(() => undefined);
  }

  /** The user with this id, or null if there is none. */
  async find(id: string): Promise<SignedInUser | null> {
    const known = this.remembered.get(id);
    if (known && this.listening && performance.now() - known.readAt < REMEMBER_MILLIS) return known.user;
    const noticesBefore = this.notices;
    const [user] = (await this.dataSource.query(
      `SELECT id, email, full_name AS "fullName", role, region_id AS "regionId", active,
              session_version AS "sessionVersion"
         FROM users WHERE id = $1`,
      [id],
    )) as SignedInUser[];
    if (!user) return null;
    if (this.listening && this.notices === noticesBefore) {
      if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
      this.remembered.set(id, { user, readAt: performance.now() });
    }
    return user;
  }

  /** Forgets a user this instance has just changed, before its notice comes back. */
  forget(id: string): void {
    this.remembered.delete(id);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: (this.dataSource.options as { url: string }).url,
      application_name: 'adaldesk-users-listener',
    });
    const lost = (error?: Error) => {
      if (this.listener !== client) return;
      this.stopListening();
      if (this.stopped) return;
      if (error) this.logger.warn(`Lost the users' change notices (${error.message}); reading users every request`);
      this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MILLIS);
      this.reconnect.unref();
    };
    this.listener = client;
    client.on('notification', (notice) => {
      this.notices++;
      if (notice.payload) this.remembered.delete(notice.payload);
    });
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${USERS_CHANGED}`);
      this.listening = !this.stopped;
    } catch (error) {
      lost(error as Error);
      await client.end().catch(() => undefined);
    }
  }

  private stopListening(): void {
    this.listening = false;
    this.listener = null;
    this.notices++;
    this.remembered.clear();
  }
}
