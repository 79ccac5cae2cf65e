import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepared } from './prepared.js';

interface Tables {
  people: { id: number; name: string; city: string };
}

describe('prepared queries', () => {
  let db: Kysely<Tables>;

  beforeEach(async () => {
    db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) });
    await db.schema
      .createTable('people')
      .addColumn('id', 'integer', (column) => column.primaryKey())
      .addColumn('name', 'text')
      .addColumn('city', 'text')
      .execute();
  });
  afterEach(() => db.destroy());

  it('binds each value to its own place, whatever order the builder named them in', async () => {
    // The WHERE comes after SET in the SQL but is built first here, and the values are given in a third order.
    const move = prepared(db, (param: (name: 'id' | 'city' | 'name') => never) =>
      db
        .updateTable('people')
        .where('id', '=', param('id'))
        .set({ city: param('city'), name: param('name') }),
    );
    await db.insertInto('people').values({ id: 7, name: 'Вера', city: 'Тула' }).execute();
    const result = await move({ name: 'Вера Павловна', id: 7, city: 'Рига' });
    expect(result.numAffectedRows).toBe(1n);
    expect(await db.selectFrom('people').selectAll().execute()).toEqual([
      { id: 7, name: 'Вера Павловна', city: 'Рига' },
    ]);
  });

  it('runs again with new values and reads rows back', async () => {
    const add = prepared(db, (param: (name: 'id' | 'name') => never) =>
      db.insertInto('people').values({ id: param('id'), name: param('name'), city: param('name') }),
    );
    const byId = prepared(db, (param: (name: 'id') => never) =>
      db.selectFrom('people').select(['name', 'city']).where('id', '=', param('id')),
    );
    await add({ id: 1, name: 'Anna' });
    await add({ id: 2, name: 'Boris' });
    expect((await byId({ id: 2 })).rows).toEqual([{ name: 'Boris', city: 'Boris' }]);
    expect((await byId({ id: 3 })).rows).toEqual([]);
  });

  it('refuses a query with a value fixed at compile time, which every call would silently reuse', () => {
    expect(() =>
      prepared(db, (param: (name: 'id') => never) =>
        db.selectFrom('people').selectAll().where('id', '=', param('id')).where('city', '=', 'Тула'),
      ),
    ).toThrow(/fixed value \(Тула\)/);
  });
});
