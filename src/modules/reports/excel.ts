import type ExcelJS from 'exceljs';

let loaded: typeof ExcelJS | undefined;

/**
 * exceljs, loaded on the first workbook read or written instead of at start-up: with its zip and XML libraries it is
 * about 2.5 MB of source that would otherwise stay in every API process's heap, most of which never touch a workbook.
 */
export function excel(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('exceljs') as typeof ExcelJS;
  return loaded;
}
