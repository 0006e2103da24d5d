import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every API instance keeps the users it signs requests in for, and must hear at once when one of them
 * changes in a way that matters to signing in (deactivated, another role or region, renamed): a
 * trigger sends the user's id on the `adaldesk_users_changed` channel, which every instance LISTENs
 * to. A login (which only stamps `last_login_at`) says nothing.
 */
export class UsersChangedNotify1764500000000 implements MigrationInterface {
  name = 'UsersChangedNotify1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION users_notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('adaldesk_users_changed', OLD.id::text);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER users_notify_changed AFTER UPDATE ON users FOR EACH ROW
        WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.role IS DISTINCT FROM NEW.role
          OR OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.email IS DISTINCT FROM NEW.email
          OR OLD.full_name IS DISTINCT FROM NEW.full_name OR OLD.id IS DISTINCT FROM NEW.id)
        EXECUTE FUNCTION users_notify_changed()`);
    await db.query(`
      CREATE TRIGGER users_notify_deleted AFTER DELETE ON users FOR EACH ROW
        EXECUTE FUNCTION users_notify_changed()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER users_notify_deleted ON users`);
    await db.query(`DROP TRIGGER users_notify_changed ON users`);
    await db.query(`DROP FUNCTION users_notify_changed()`);
  }
}
