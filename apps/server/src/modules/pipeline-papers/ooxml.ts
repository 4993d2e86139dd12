import {
  AlignmentType, Document, LineRuleType, Packer, Paragraph as DocxParagraph, type ParagraphChild, Table as DocxTable, TableCell, TableLayoutType, TableRow,
  TextRun, VerticalAlign, WidthType,
} from 'docx';

/**
 * The notices' and letters' layout as plain data (paragraphs of runs, simple tables), written as
 * .docx with the `docx` package: A4 with the GB/T 9704 margins, 仿宋 三号 body text, 宋体 bold titles.
 */
export interface Run {
  text: string;
  bold?: boolean;
  size?: number; // points
  font?: string;
  underline?: boolean;
}

export interface Paragraph {
  kind?: 'p';
  runs: (Run | string)[];
  align?: 'left' | 'center' | 'right' | 'both';
  indent?: boolean; // first line two characters
  spacingAfter?: number; // points
  pageBreakBefore?: boolean;
}

export interface Table {
  kind: 'table';
  widths: number[]; // relative widths
  rows: (Run | string)[][][]; // rows → cells → runs
}

export type Block = Paragraph | Table;

const BODY_FONT = '仿宋';
const TITLE_FONT = '宋体';
const BODY_SIZE = 16; // 三号
const TABLE_WIDTH = 8800; // twips inside the margins
const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.BOTH } as const;

function runs(r: Run | string, size?: number): ParagraphChild[] {
  const x = typeof r === 'string' ? { text: r, ...(size ? { size } : {}) } : r;
  const font = x.font ?? (x.bold && (x.size ?? 0) >= 18 ? TITLE_FONT : BODY_FONT);
  return x.text.split('\n').map(
    (line, i) => new TextRun({ text: line, break: i ? 1 : 0, bold: x.bold, ...(x.underline ? { underline: {} } : {}), size: Math.round((x.size ?? BODY_SIZE) * 2), font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: font, cs: 'Times New Roman' } }),
  );
}

function paragraph(p: Paragraph, size?: number): DocxParagraph {
  return new DocxParagraph({
    children: p.runs.flatMap((r) => runs(r, size)),
    pageBreakBefore: p.pageBreakBefore,
    // 28-point fixed lines for the body (公文 22 lines a page); single spacing inside tables.
    spacing: { after: Math.round((p.spacingAfter ?? 4) * 20), line: size ? 360 : 560, lineRule: size ? LineRuleType.AUTO : LineRuleType.EXACT },
    ...(p.indent ? { indent: { firstLine: 640 } } : {}),
    ...(p.align ? { alignment: alignments[p.align] } : {}),
  });
}

function table(t: Table): DocxTable {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((w / total) * TABLE_WIDTH));
  return new DocxTable({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    rows: t.rows.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (cellRuns, i) =>
              new TableCell({ width: { size: widths[i] ?? widths.at(-1)!, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [paragraph({ runs: cellRuns, align: 'center', spacingAfter: 0 }, 14)] }),
          ),
        }),
    ),
  });
}

/** The .docx bytes of the blocks, with a title in the document properties. */
export async function writeDocx(title: string, blocks: Block[]): Promise<Buffer> {
  const document = new Document({
    title,
    creator: '新血',
    styles: { default: { document: { run: { font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: BODY_FONT, cs: 'Times New Roman' }, size: BODY_SIZE * 2 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, right: 1474, bottom: 1984, left: 1588, header: 851, footer: 992, gutter: 0 } } },
        children: blocks.map((b) => (b.kind === 'table' ? table(b) : paragraph(b))),
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** 2026-09-29 → 2026年9月29日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
