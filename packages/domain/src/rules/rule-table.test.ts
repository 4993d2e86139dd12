import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TABLE_END, TABLE_START, renderRuleTable, replaceRuleTable } from './rule-table.ts';
import { registry } from './registry.ts';

const readme = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../README.md'), 'utf8');

describe('README rule table', () => {
  it('is up to date with the registry (run `npm run rules:table` after changing a rule)', () => {
    const current = readme.slice(readme.indexOf(TABLE_START) + TABLE_START.length, readme.indexOf(TABLE_END)).trim();
    expect(current).toBe(renderRuleTable().trim());
  });

  it('has a row per registered rule, with its source', () => {
    const table = renderRuleTable();
    for (const rule of registry) expect(table).toContain(`| ${rule.id} | ${rule.name}`);
    expect(table).toContain('| R-LEAGUE-28 | 团员须经团组织推优 | BLOCK |');
    expect(table).toContain('R-PLAN：');
  });

  it('replaces only the text between the markers', () => {
    const text = `前言\n${TABLE_START}\n旧表\n${TABLE_END}\n后记\n`;
    expect(replaceRuleTable(text, '新表')).toBe(`前言\n${TABLE_START}\n新表\n${TABLE_END}\n后记\n`);
    expect(() => replaceRuleTable('没有标记', '新表')).toThrow(/标记/);
  });
});
