// Finds database queries in TypeScript source (test/unit/sql-location.test.ts): SQL string
// literals, `.query(…)` calls, Kysely builds (`qb.…`) and raw `sql\`…\`` fragments.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Where queries belong: a module's repository (one file or a folder of them), the database layer, the composition root. */
export const QUERY_HOMES = [/\/repository\.ts$/, /\/repository\/[^/]+\.ts$/, /^src\/server\/db\//, /^src\/server\/context\.ts$/];

// SQL keywords in capitals (this tree's style; prose "Select a region" does not match), or a
// lower-case statement with the shape of one ("select 1", "select id from cases").
const SQL_UPPER =
  /^\s*(?:SELECT\b|INSERT\s+INTO\b|UPDATE\s+\w+\b[\s\S]*\bSET\b|DELETE\s+FROM\b|WITH\s+(?:RECURSIVE\s+)?\w+(?:\s*\([^)]*\))?\s+AS\b|CREATE\s+(?:TABLE|INDEX|UNIQUE|TEMP|OR|FUNCTION|TRIGGER|VIEW|EXTENSION)\b|ALTER\s+TABLE\b|DROP\s+(?:TABLE|INDEX|VIEW|FUNCTION|TRIGGER)\b|TRUNCATE\b|BEGIN\b|COMMIT\b|ROLLBACK\b|LOCK\s+TABLE\b|COPY\b|SET\s+(?:LOCAL\s+)?\w+\s*(?:=|TO)\b|VACUUM\b|ANALYZE\b)/;
const SQL_LOWER =
  /^\s*(?:select\s+(?:\d|[\w.*]+(?:\s*,\s*[\w.*]+)*\s+from\s+\w)|insert\s+into\s+\w|delete\s+from\s+\w|update\s+\w+\s+set\s)/;
const isSql = (text: string) => SQL_UPPER.test(text) || SQL_LOWER.test(text);
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The queries in one file: line and what was found. */
export function findQueries(fileName: string, text: string): { line: number; what: string }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: { line: number; what: string }[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (isSql(node.text)) found.push({ line: at(node), what: `SQL ${JSON.stringify(node.text.slice(0, 40))}` });
    } else if (ts.isTemplateExpression(node)) {
      if (isSql(node.head.text)) found.push({ line: at(node), what: `SQL ${JSON.stringify(node.head.text.slice(0, 40))}` });
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      if (name === 'query') found.push({ line: at(node), what: `${node.expression.getText(source).slice(0, 40)}(…)` });
    } else if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'sql') {
      found.push({ line: at(node), what: 'sql`…`' });
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'qb') {
      found.push({ line: at(node), what: `qb.${node.name.text}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
