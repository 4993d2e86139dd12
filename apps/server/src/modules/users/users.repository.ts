import type { Db } from '../../db/database.ts';
import type { UserTable } from '../../db/schema.ts';
import type { Insertable, Updateable } from 'kysely';
import { scopedTo, type Scope } from '../../lib/scope.ts';

export class UsersRepository {
  constructor(private readonly db: Db) {}

  findByUsername(db: Db, username: string) {
    return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  findById(db: Db, id: number) {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listInScope(scope: Scope) {
    return scopedTo(this.db.selectFrom('users').selectAll(), 'scope_division', scope).orderBy('id').execute();
  }

  async insert(db: Db, row: Insertable<UserTable>): Promise<number> {
    const { id } = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  async update(db: Db, id: number, patch: Updateable<UserTable>): Promise<void> {
    await db.updateTable('users').set(patch).where('id', '=', id).execute();
  }

  recentPasswordHashes(db: Db, userId: number, count: number) {
    return db
      .selectFrom('password_history')
      .select('password_hash')
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(count)
      .execute();
  }

  async addPasswordHistory(db: Db, userId: number, passwordHash: string, at: string): Promise<void> {
    await db.insertInto('password_history').values({ user_id: userId, password_hash: passwordHash, created_at: at }).execute();
  }

  async count(): Promise<number> {
    const { n } = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }
}
