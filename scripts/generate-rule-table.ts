/**
 * `npm run rules:table`: writes the table of implemented rules, generated from the rule registry,
 * between the <!-- rules:start --> and <!-- rules:end --> markers of README.md. The unit test
 * packages/domain/src/rules/rule-table.test.ts fails while the README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRuleTable, replaceRuleTable } from '@xinxue/domain/rules/index';

const readmePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../README.md');
const before = readFileSync(readmePath, 'utf8');
const after = replaceRuleTable(before, renderRuleTable());
if (after === before) {
  console.log('README.md 中的规则表已是最新');
} else {
  writeFileSync(readmePath, after);
  console.log('已更新 README.md 中的规则表');
}
