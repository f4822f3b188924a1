import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { excel } from '../excel';
import iconv from 'iconv-lite';
import { UserInputError } from '../../../common/errors/app-error';

/** One row of a spreadsheet as text cells; `line` is its 1-based row number in the file. */
export interface FileRow {
  line: number;
  cells: string[];
}

const bad = (message: string) => UserInputError.field('file', message);

/**
 * The rows of an uploaded CSV (UTF-8 with or without BOM, or GB18030 as Chinese Excel saves it) or XLSX file, read
 * as a stream: the file is never held whole. The first chunk decides the type (XLSX is a zip: "PK\3\4") and the
 * encoding (a BOM or valid UTF-8, else GB18030); a file that is neither is refused before any row is read.
 */
export async function* fileRows(input: Readable): AsyncGenerator<FileRow> {
  const it = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await it.next();
  if (first.done) throw bad('is empty');
  const head = first.value;
  const rest = async function* (): AsyncGenerator<Buffer> {
    yield head;
    for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
  };
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    yield* xlsxRows(Readable.from(rest()));
    return;
  }
  if (head.subarray(0, 4096).includes(0)) throw bad('is neither CSV (text) nor XLSX');
  yield* csvRows(decodeText(head, rest()));
}

/** Text chunks in the file's encoding; broken bytes are a clear error, never U+FFFD in the database. */
async function* decodeText(head: Buffer, chunks: AsyncGenerator<Buffer>): AsyncGenerator<string> {
  const bom = head.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
  let utf8 = bom;
  if (!bom) {
    try {
      // A chunk may end inside a character: only the first bytes up to the last complete line decide.
      const cut = head.lastIndexOf(0x0a);
      new TextDecoder('utf-8', { fatal: true }).decode(cut > 0 ? head.subarray(0, cut) : head);
      utf8 = true;
    } catch {
      utf8 = false;
    }
  }
  if (utf8) {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    try {
      for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
      yield decoder.decode();
    } catch (error) {
      if (error instanceof TypeError) throw bad('is not valid UTF-8 (nor GB18030) text');
      throw error;
    }
    return;
  }
  const decoder = iconv.getDecoder('gb18030');
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    if (text.includes('\uFFFD')) throw bad('is neither valid UTF-8 nor valid GB18030 text');
    yield text;
  }
  const tail = decoder.end() ?? '';
  if (tail.includes('\uFFFD')) throw bad('is neither valid UTF-8 nor valid GB18030 text');
  if (tail) yield tail;
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF or LF), over a stream of text chunks. */
async function* csvRows(chunks: AsyncGenerator<string>): AsyncGenerator<FileRow> {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let rowStart = 1;
  let pendingCR = false;
  for await (const chunk of chunks) {
    for (const c of chunk) {
      if (pendingCR) {
        pendingCR = false;
        if (c === '\n') continue;
      }
      if (quoted) {
        if (c === '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (c === '\n') line++;
          cell += c;
        }
        continue;
      }
      if (c === '"') {
        if (afterQuote) cell += '"';
        else if (cell !== '') throw bad(`row ${line}: a quote inside an unquoted cell`);
        quoted = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (c === ',') {
        cells.push(cell);
        cell = '';
      } else if (c === '\n' || c === '\r') {
        cells.push(cell);
        yield { line: rowStart, cells };
        cells = [];
        cell = '';
        line++;
        rowStart = line;
        pendingCR = c === '\r';
      } else if (c !== '\uFEFF' || cells.length > 0 || cell !== '' || rowStart > 1) {
        cell += c;
      }
    }
  }
  if (quoted) throw bad(`row ${rowStart}: a quoted cell is not closed`);
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    yield { line: rowStart, cells };
  }
}

/** The first worksheet of an XLSX file, row by row (exceljs's streaming reader). Formulas are refused. */
async function* xlsxRows(input: Readable): AsyncGenerator<FileRow> {
  const reader = new (excel().stream.xlsx.WorkbookReader)(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as unknown[]).slice(1);
        const cells = values.map((v, i) => {
          if (v === null || v === undefined) return '';
          if (typeof v === 'object' && v !== null && 'formula' in v)
            throw bad(`row ${row.number}, column ${i + 1}: formulas are not accepted; paste values instead`);
          if (v instanceof Date) return v.toISOString().slice(0, 10);
          if (typeof v === 'object' && v !== null && 'richText' in v)
            return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
          if (typeof v === 'object') return JSON.stringify(v);
          if (typeof v === 'string') return v;
          return typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
        });
        yield { line: row.number, cells };
      }
      return; // the first sheet only
    }
  } catch (error) {
    if (error instanceof UserInputError) throw error;
    throw bad(`is not a readable XLSX file (${(error as Error).message})`);
  }
}
