export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
}

/** A plain-text table in Markdown pipe syntax, so it reads in a terminal and pastes into an issue as is. */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (text: string, i: number) => {
    const w = widths[i]!;
    return columns[i]!.align === 'right' ? text.padStart(w) : text.padEnd(w);
  };
  const line = (cells: readonly string[]) =>
    `| ${columns.map((_, i) => cell(cells[i] ?? '', i)).join(' | ')} |`;
  const rule = `| ${columns.map((c, i) => (c.align === 'right' ? `${'-'.repeat(widths[i]! - 1)}:` : '-'.repeat(widths[i]!))).join(' | ')} |`;
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)].join('\n');
}
