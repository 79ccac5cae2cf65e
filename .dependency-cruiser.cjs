// The direction of dependencies from DESIGN.md, checked in CI (`npm run check`), so that it is enforced rather
// than only written down. Domain folders are pure; each layer depends only on the layers below it; parts never
// reach into each other.

const DOMAINS = '(catalogue|matcher|coach|dialogue|count|guide)';
// Talk's engine is dialogue/talk; the rest of dialogue/ is the engine core that every part registers with.
// The guide's conversation is dialogue/guide, which builds on the guide's domain (guide/) as talk's builds on
// the matcher and the coach.
const PARTS = '(dialogue/talk|count|guide)';
const FRONT_ENDS = '(telegram|web|cli)';
const FRONT_END_PARTS = '(talk|count|guide)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-does-no-io',
      comment: 'A domain folder is pure computation: no bot, HTTP, SQL or network library.',
      severity: 'error',
      from: { path: `^src/${DOMAINS}/` },
      to: { path: '(^|node_modules/)(grammy|@grammyjs/|hono|@hono/|kysely|pg|better-sqlite3|undici)($|/)' },
    },
    {
      name: 'domain-no-network-modules',
      severity: 'error',
      from: { path: `^src/${DOMAINS}/` },
      to: { dependencyTypes: ['core'], path: '^(node:)?(http|https|http2|net|tls|dgram)$' },
    },
    {
      name: 'domain-below-store-and-front-ends',
      comment: 'catalogue ← matcher ← coach ← dialogue; the domains ← store ← app ← telegram, web, cli.',
      severity: 'error',
      from: { path: `^src/${DOMAINS}/` },
      to: { path: `^src/(store|app|${FRONT_ENDS.slice(1, -1)})/` },
    },
    {
      name: 'store-below-app',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: `^src/(app|${FRONT_ENDS.slice(1, -1)})/` },
    },
    {
      name: 'app-below-front-ends',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: `^src/${FRONT_ENDS}/` },
    },
    {
      name: 'parts-apart',
      comment: "One part never imports another part's internals (talk's engine lives in dialogue/).",
      severity: 'error',
      from: { path: `^src/${PARTS}/` },
      to: { path: `^src/${PARTS}/`, pathNot: '^src/$1/' },
    },
    {
      name: 'engine-core-knows-parts-by-registry',
      comment: 'The engine core reaches the parts only through the lists of them (parts.ts, messages.ts).',
      severity: 'error',
      from: {
        path: '^src/dialogue/[^/]+[.]ts$',
        pathNot: '^src/dialogue/(parts|messages|[^/]+[.]test)[.]ts$',
      },
      to: { path: '^src/dialogue/(talk|guide)/' },
    },
    {
      name: 'engine-parts-apart',
      comment: "One part of the conversation never imports another's.",
      severity: 'error',
      from: { path: '^src/dialogue/(talk|guide)/' },
      to: { path: '^src/dialogue/(talk|guide)/', pathNot: '^src/dialogue/$1/' },
    },
    {
      name: 'only-the-guide-conversation-reaches-the-guide',
      comment: "Talk's conversation has no business with the guide's domain.",
      severity: 'error',
      from: { path: '^src/dialogue/talk/' },
      to: { path: '^src/guide/' },
    },
    {
      name: 'front-end-parts-apart',
      severity: 'error',
      from: { path: `^src/${FRONT_ENDS}/${FRONT_END_PARTS}/` },
      to: { path: `^src/$1/${FRONT_END_PARTS}/`, pathNot: '^src/$1/$2/' },
    },
    {
      name: 'pipeline-order',
      comment: 'The catalogue knows no matcher, the matcher no coach, the coach no dialogue.',
      severity: 'error',
      from: { path: '^src/(catalogue|matcher|coach)/' },
      to: { path: '^src/(dialogue|count|guide)/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle of type-only imports is harmless (erased at build); one of values is not.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
