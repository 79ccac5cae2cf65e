import { type Compilable, CompiledQuery, type Kysely, type QueryResult } from 'kysely';

// Kysely builds and compiles a query on every call: an immutable builder per method, an operation tree, a
// visitor that prints it. For the statements run on every message (a user's row read and saved) that cost more
// than SQLite's own work, so they are compiled once here, in the database's dialect, and only their values are
// bound per call.

/** Stands for a value while the query is compiled; no real value looks like it. */
const marker = (name: string) => `\u0000prepared:${name}`;

/**
 * Compiles `build`'s query once, with `param(name)` where a value goes, and returns a function that runs it with
 * `values` bound by name. The order of the parameters is read from the compiled query, so it follows the SQL,
 * whatever order the builder's calls came in.
 */
export function prepared<Database, Names extends string, Row>(
  db: Kysely<Database>,
  build: (param: (name: Names) => never) => Compilable<Row>,
): (values: Record<Names, unknown>) => Promise<QueryResult<Row>> {
  const compiled = build((name) => marker(name) as never).compile();
  const order = compiled.parameters.map((parameter) => {
    const name = typeof parameter === 'string' ? parameter.replace(marker(''), '') : undefined;
    if (name === undefined || marker(name) !== parameter)
      throw new Error(`a prepared query has a fixed value (${String(parameter)}); give it a param()`);
    return name as Names;
  });
  return (values) =>
    db.executeQuery<Row>(
      CompiledQuery.raw(
        compiled.sql,
        order.map((name) => values[name]),
      ),
    );
}
