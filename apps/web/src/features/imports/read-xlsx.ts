/**
 * Reads the cells of the first sheet of an .xlsx in the browser, with no library: an .xlsx is a
 * ZIP of XML files, the browser inflates ZIP's raw deflate (DecompressionStream) and parses XML
 * (DOMParser). Enough for the small reports the server writes (rejected rows); not a general reader.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

function entries(buffer: ArrayBuffer): Map<string, Entry> {
  const view = new DataView(buffer);
  // The end record sits in the last 22 bytes plus at most a 64 KiB comment.
  let end = -1;
  for (let i = buffer.byteLength - 22; i >= Math.max(0, buffer.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('不是有效的 .xlsx 文件');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  const found = new Map<string, Entry>();
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error('.xlsx 文件的目录已损坏');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = names.decode(new Uint8Array(buffer, at + 46, nameLength));
    found.set(name, { method: view.getUint16(at + 10, true), compressedSize: view.getUint32(at + 20, true), localOffset: view.getUint32(at + 42, true) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return found;
}

async function readText(buffer: ArrayBuffer, entry: Entry): Promise<string> {
  const view = new DataView(buffer);
  if (view.getUint32(entry.localOffset, true) !== LOCAL) throw new Error('.xlsx 文件已损坏');
  const start = entry.localOffset + 30 + view.getUint16(entry.localOffset + 26, true) + view.getUint16(entry.localOffset + 28, true);
  const data = new Uint8Array(buffer, start, entry.compressedSize);
  if (entry.method === 0) return new TextDecoder().decode(data);
  if (entry.method !== 8) throw new Error('不支持的 .xlsx 压缩方式');
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

function parseXml(text: string): Document {
  return new DOMParser().parseFromString(text, 'application/xml');
}

const all = (node: Document | Element, name: string) => Array.from(node.getElementsByTagNameNS('*', name));

/** "AB12" → 27 (zero-based column index). */
function columnIndex(ref: string): number {
  let index = 0;
  for (const ch of ref.replace(/\d+$/, '')) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

async function firstSheetPath(buffer: ArrayBuffer, files: Map<string, Entry>): Promise<string> {
  const fallback = 'xl/worksheets/sheet1.xml';
  const workbook = files.get('xl/workbook.xml');
  const rels = files.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return fallback;
  const sheet = all(parseXml(await readText(buffer, workbook)), 'sheet')[0];
  const id = sheet?.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
  const target = all(parseXml(await readText(buffer, rels)), 'Relationship').find((r) => r.getAttribute('Id') === id)?.getAttribute('Target');
  if (!target) return fallback;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** The first sheet's rows as text, in order; missing cells are empty strings. */
export async function readFirstSheet(buffer: ArrayBuffer): Promise<string[][]> {
  const files = entries(buffer);
  const shared: string[] = [];
  const sharedEntry = files.get('xl/sharedStrings.xml');
  if (sharedEntry) {
    for (const si of all(parseXml(await readText(buffer, sharedEntry)), 'si')) shared.push(all(si, 't').map((t) => t.textContent ?? '').join(''));
  }
  const sheetEntry = files.get(await firstSheetPath(buffer, files));
  if (!sheetEntry) throw new Error('.xlsx 文件中没有工作表');
  const rows: string[][] = [];
  for (const row of all(parseXml(await readText(buffer, sheetEntry)), 'row')) {
    const cells: string[] = [];
    for (const cell of all(row, 'c')) {
      const type = cell.getAttribute('t');
      const value = all(cell, 'v')[0]?.textContent ?? '';
      const text = type === 's' ? (shared[Number(value)] ?? '') : type === 'inlineStr' ? all(cell, 't').map((t) => t.textContent ?? '').join('') : value;
      const ref = cell.getAttribute('r');
      const index = ref ? columnIndex(ref) : cells.length;
      while (cells.length < index) cells.push('');
      cells[index] = text;
    }
    rows.push(cells);
  }
  return rows;
}
