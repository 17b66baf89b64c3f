// Layer rules, checked in `npm test` (test/integration/tooling.test.ts) and by `npm run lint:deps`.
// The why of each rule is in docs/ARCHITECTURE.md ("Dependency rules").
const MODULES = 'src/server/modules';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds pure rules: nothing of the server, the web app, the CLI or the contracts.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(server|web|cli|contracts)/' },
    },
    {
      name: 'domain-has-no-io',
      comment: 'src/domain does no I/O: no file system, network, processes, workers or databases.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|fs/promises|net|tls|http|https|http2|dgram|dns|dns/promises|child_process|cluster|worker_threads|readline|repl|inspector|v8|vm|os|process)$',
      },
    },
    {
      name: 'domain-no-db-drivers',
      comment: 'src/domain never talks to a database.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: 'node_modules/(pg|@electric-sql/pglite|fastify)' },
    },
    {
      name: 'web-imports-web-contracts-domain',
      comment: 'The web app shares code with the server only through src/contracts and src/domain.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(server|cli)/' },
    },
    {
      name: 'contracts-import-zod-and-domain',
      comment: 'Contracts are zod schemas over domain vocabularies; they know nothing of the server or web.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^src/(server|web|cli)/' },
    },
    {
      name: 'server-not-into-web',
      comment: 'The server serves the built web app; it never imports its sources.',
      severity: 'error',
      from: { path: '^src/(server|cli)/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'modules-through-index',
      comment:
        'A server module uses another module only through that module\'s public index.ts; so does the job registry. ' +
        'Inside a module, files import each other freely.',
      severity: 'error',
      from: { path: `^(${MODULES}/([^/]+)/|src/server/jobs/)` },
      to: {
        path: `^${MODULES}/([^/]+)/`,
        pathNot: [`^${MODULES}/$2/`, `^${MODULES}/[^/]+/index\\.ts$`],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
