// One CSV line from fields, quoting what needs it (RFC 4180): a comma, a quote or a line break.
export function csvLine(fields: readonly string[]): string {
  return fields.map((f) => (/[",\n\r]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}
