import { importFieldNames, importFields, mappingProblems, type ColumnMapping, type ImportField } from '@xinxue/domain';
import { Alert, Button, Checkbox, Flex, Grid, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { ImportPreview } from '../api/preview-import';

interface Props {
  preview: ImportPreview;
  starting: boolean;
  error: string | null;
  onStart: (mapping: Record<string, ImportField>, saveMapping: boolean) => void;
  onBack: () => void;
}

interface ColumnRow {
  index: number;
  header: string;
  samples: string[];
  field: ImportField | '';
  guessed: boolean;
}

const IGNORE = '';
const fieldOptions = [{ value: IGNORE, label: '忽略此列' }, ...importFieldNames.map((f) => ({ value: f, label: importFields[f].label }))];

/** Excel's column letters: 0 → A, 26 → AA. */
function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** One row per column of the file: its header, a few values, and the field it fills (or 忽略此列). */
export function MappingEditor({ preview, starting, error, onStart, onBack }: Props) {
  const [mapping, setMapping] = useState<Record<number, ImportField | ''>>(() => Object.fromEntries(Object.entries(preview.mapping).map(([i, f]) => [Number(i), f])));
  const [save, setSave] = useState(false);
  // On a phone the sample column is hidden, so a few values go under the column name instead.
  const phone = !Grid.useBreakpoint().md;

  const chosen: ColumnMapping = useMemo(() => {
    const out: ColumnMapping = {};
    for (const [i, f] of Object.entries(mapping)) if (f) out[Number(i)] = f;
    return out;
  }, [mapping]);
  const problems = mappingProblems(chosen);
  // What the file's own header names gave, before any correction.
  const recognised = Object.keys(preview.mapping).length;

  const rows: ColumnRow[] = preview.headers.map((header, index) => ({
    index,
    header,
    samples: preview.sample.map((r) => r[index] ?? '').filter((v) => v !== '').slice(0, 3),
    field: mapping[index] ?? IGNORE,
    guessed: index in preview.mapping,
  }));

  const columns: TableColumnsType<ColumnRow> = [
    {
      title: '文件中的列',
      key: 'header',
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Flex gap={4} align="center" wrap>
            <Typography.Text strong>{r.header || '（无列名）'}</Typography.Text>
            {!r.guessed && <Tag color="orange">未识别</Tag>}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            第 {columnLetter(r.index)} 列
          </Typography.Text>
          {phone && r.samples.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12, width: '100%' }} ellipsis={{ tooltip: r.samples.join('、') }}>
              例：{r.samples.join('、')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: '示例数据',
      key: 'samples',
      responsive: ['md'],
      width: '45%',
      render: (_, r) =>
        r.samples.length ? (
          <Typography.Text style={{ fontSize: 13 }}>{r.samples.join('、')}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">（前几行为空）</Typography.Text>
        ),
    },
    {
      title: '对应字段',
      key: 'field',
      width: phone ? 150 : 180,
      render: (_, r) => (
        <div data-testid={`mapping-column-${r.index}`}>
          <Select
            aria-label={`“${r.header}”对应的字段`}
            value={r.field}
            onChange={(field: ImportField | '') => setMapping((m) => ({ ...m, [r.index]: field }))}
            options={fieldOptions}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            status={r.field === IGNORE ? 'warning' : undefined}
          />
        </div>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Alert
        type={preview.mappingSource === 'saved' ? 'success' : 'info'}
        showIcon
        title={
          preview.mappingSource === 'saved'
            ? `“${preview.fileName}”：表头在第 ${preview.headerRow} 行，已使用之前保存的列对应关系，请核对。`
            : `“${preview.fileName}”：表头在第 ${preview.headerRow} 行，已按列名自动识别 ${recognised} 列，${preview.headers.length - recognised} 列未识别，请核对并为需要导入的列选择字段。`
        }
      />
      <Table<ColumnRow> rowKey="index" size="small" tableLayout="fixed" columns={columns} dataSource={rows} pagination={false} data-testid="mapping-table" />
      {problems.length > 0 && <Alert type="error" showIcon title={`列的对应关系有问题：${problems.join('；')}`} />}
      {error && <Alert type="error" showIcon title={error} />}
      <Checkbox checked={save} onChange={(e) => setSave(e.target.checked)}>
        保存此对应关系（下次导入同样表头的文件时自动使用）
      </Checkbox>
      <Flex gap={8} wrap justify="end">
        <Button onClick={onBack} disabled={starting}>
          重新选择文件
        </Button>
        <Button
          type="primary"
          disabled={problems.length > 0}
          loading={starting}
          onClick={() => onStart(Object.fromEntries(Object.entries(chosen).map(([i, f]) => [i, f])) as Record<string, ImportField>, save)}
        >
          开始导入
        </Button>
      </Flex>
    </Flex>
  );
}
