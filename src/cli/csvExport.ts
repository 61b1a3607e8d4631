// `export --format csv`: the three CSV files of the corpus written into a folder (created if needed).
import { promises as fsp } from 'fs';
import * as nodePath from 'path';
import { corpusCsv, CSV_FILES, type CsvSource } from '../core/query/csv';

/** Writes quotes.csv, mentions.csv and entities.csv into `folder`; returns the paths written. */
export async function writeCsvExport(corpus: CsvSource, folder: string): Promise<string[]> {
  await fsp.mkdir(folder, { recursive: true });
  const files = corpusCsv(corpus);
  const written: string[] = [];
  for (const name of CSV_FILES) {
    const path = nodePath.join(folder, name);
    await fsp.writeFile(path, files[name], 'utf8');
    written.push(path);
  }
  return written;
}
