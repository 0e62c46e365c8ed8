import type { Kdb } from '../../db/connection.js';
import type { User } from '../../db/schema.js';

export function findUserByName(db: Kdb, username: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Kdb, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSessionUser(db: Kdb, sessionId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('orgs as o', 'o.id', 'u.org_id')
    .select([
      's.id as session_id', 's.csrf_token', 's.expires_at', 's.last_seen_at',
      'u.id', 'u.username', 'u.display_name', 'u.role', 'u.org_id', 'u.person_id', 'u.permissions',
      'u.must_change_password', 'u.password_changed_at', 'u.disabled',
      'o.path as org_path', 'o.name as org_name',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}
