import { existsSync, readFileSync, statSync } from 'node:fs';
import { chinaToday, isIsoDate } from '@xinxue/domain/calendar/index';
import { formatAuditReport } from '@xinxue/domain/dossier/index';
import { registry } from '@xinxue/domain/rules/index';
import { type CitySettings, defaultCitySettings, parseSettingsDocument } from '@xinxue/domain/settings/index';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { auditDossierPath } from '../modules/dossier-audit/dossier-file.ts';

/**
 * `xinxue audit FILE`: the same audit as POST /api/audit, on a local file, without a database
 * (the file is the input; settings come from --settings, e.g. a copy of GET /api/audit/settings).
 * The file is read in chunks (modules/dossier-audit/dossier-file.ts), so its size is not limited
 * by memory.
 * Exit codes: 0 audited (whatever was found), 1 the command could not run, 2 the file is malformed.
 */
/** About a thousand dossiers: smaller files are done before a bar would be worth drawing. */
const PROGRESS_FROM_BYTES = 4 * 1024 * 1024;

interface Options {
  json?: boolean;
  asOf?: string;
  explain?: boolean;
  verbose?: boolean;
  settings?: string;
}

class Refused extends Error {
  constructor(
    message: string,
    readonly lines: string[],
  ) {
    super(message);
  }
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`无法读取${what} ${file}：${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new Refused(`${what}不是有效的 JSON`, [`  $：${error instanceof Error ? error.message : String(error)}`]);
  }
}

function loadSettings(file: string | undefined): CitySettings {
  if (!file) return defaultCitySettings;
  const parsed = parseSettingsDocument(readJson(file, '规则设置文件'), registry);
  if (!parsed.ok) throw new Refused(`规则设置文件有 ${parsed.errors.length} 处错误`, parsed.errors.map((e) => `  ${e.path}：${e.message}`));
  return parsed.settings;
}

function run(file: string, o: Options): void {
  const asOf = o.asOf ?? chinaToday();
  if (!isIsoDate(asOf)) throw new Error(`--as-of “${asOf}” 不是有效日期，应为 YYYY-MM-DD`);
  const settings = loadSettings(o.settings);
  if (!existsSync(file)) throw new Error(`无法读取档案文件 ${file}：文件不存在`);
  // The bar goes to stderr, and only for a person at a terminal: it never mixes into --json output.
  const large = statSync(file).size >= PROGRESS_FROM_BYTES;
  const bar = process.stderr.isTTY && large ? new SingleBar({ format: '审核 [{bar}] {percentage}%　{value}/{total} MB', stream: process.stderr, hideCursor: true }) : undefined;
  bar?.start(Math.ceil(statSync(file).size / 1e6), 0);
  const outcome = auditDossierPath(file, settings, { asOf, explain: o.explain ?? false }, (done) => bar?.update(Math.floor(done / 1e6)));
  bar?.stop();
  if (!outcome.ok) throw new Refused(`档案文件不符合 xinxue-dossier/1 格式（${outcome.errors.length}${outcome.truncated ? '余' : ''} 处错误），未做任何审核`, outcome.errors.map((e) => `  ${e.path}：${e.message}`));
  process.stdout.write(o.json ? `${JSON.stringify(outcome.result)}\n` : formatAuditReport(outcome.result, { verbose: o.verbose ?? false }));
}

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('审核发展党员档案文件（xinxue-dossier/1），不连接数据库')
    .argument('<file>', 'xinxue-dossier/1 文件')
    .option('--json', '输出 xinxue-audit/1（JSON）')
    .option('--as-of <date>', '审核基准日 YYYY-MM-DD（默认为中国时间今天）')
    .option('--explain', '为每个问题附上规则原文和所用事实')
    .option('--verbose', '中文报告中也列出没有否决或警示问题的档案')
    .option('--settings <file>', '规则设置文件 xinxue-settings/1（如 GET /api/audit/settings 的内容）')
    .action((file: string, o: Options) => {
      try {
        run(file, o);
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
        console.error(`错误：${error.message}`);
        for (const line of error.lines) console.error(line);
        process.exitCode = 2;
      }
    });
}
