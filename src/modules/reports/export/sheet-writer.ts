import { PassThrough, Writable } from 'node:stream';
import { once } from 'node:events';
import { excel } from '../excel';
import { Cell, csvLine, escapeFormula, UTF8_BOM } from './cells';

export type SheetFormat = 'csv' | 'xlsx';

/** Writes rows to a stream as CSV (UTF-8 with BOM) or XLSX (exceljs's streaming writer: rows are not kept). */
export interface SheetWriter {
  row(cells: readonly Cell[]): Promise<void>;
  end(): Promise<void>;
}

export const CONTENT_TYPES: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

export function sheetWriter(format: SheetFormat, out: PassThrough, sheetName = 'export'): SheetWriter {
  if (format === 'csv') {
    let started = false;
    return {
      async row(cells) {
        await write(out, (started ? '' : UTF8_BOM) + csvLine(cells));
        started = true;
      },
      async end() {
        if (!started) await write(out, UTF8_BOM);
        out.end();
      },
    };
  }
  const workbook = new (excel().stream.xlsx.WorkbookWriter)({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  return {
    async row(cells) {
      sheet.addRow(cells.map((c) => escapeFormula(c))).commit();
      // exceljs writes as it goes; wait when the reader is slower than we are.
      if (out.writableNeedDrain) await once(out, 'drain');
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
