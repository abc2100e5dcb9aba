import ExcelJS from 'exceljs';

/** A CSV file (RFC 4180, CRLF) from rows of cells; `bom` prepends the UTF-8 byte order mark. */
export function csv(rows: (string | number | null)[][], opts: { bom?: boolean } = {}): Buffer {
  const quote = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
  return Buffer.from((opts.bom ? '\uFEFF' : '') + text, 'utf8');
}

/** An XLSX workbook whose first sheet holds the rows (Dates stay date cells, numbers numbers). */
export async function xlsx(rows: (string | number | Date | null)[][], extraSheets = 0): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Data');
  for (const r of rows) sheet.addRow(r);
  for (let i = 0; i < extraSheets; i++) wb.addWorksheet(`Other ${i}`).addRow(['ignored']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
