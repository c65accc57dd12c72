/**
 * Reads CSV as people save it from spreadsheets (RFC 4180): fields in double quotes may hold commas,
 * line breaks and doubled quotes; CRLF or LF line ends; a byte order mark at the start; the separator
 * is a comma or, as European spreadsheets write it, a semicolon (whichever the header line has more
 * of). Blank lines are skipped. Pure.
 */
export interface CsvTable {
  headers: string[];
  /** Each row with its line number in the file (1 is the header), for error messages. */
  rows: { line: number; cells: string[] }[];
}

export function detectSeparator(text: string): ',' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

export function parseCsv(input: string): CsvTable {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = detectSeparator(text);
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let isQuoted = false;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    cells.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (isQuoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') isQuoted = false;
      else {
        if (c === '\n') line += 1;
        field += c;
      }
    } else if (c === '"' && field === '') isQuoted = true;
    else if (c === separator) endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else field += c;
  }
  if (field !== '' || cells.length > 0) endRecord();
  const [header, ...rows] = records;
  return { headers: (header?.cells ?? []).map((h) => h.trim()), rows };
}
