import { describeLimit } from "./cpu";
import { describeStatuses, type LoadResult } from "./load";

export interface Target {
  text: string;
  met: boolean;
}

/** One line of the results table: a load measurement beside the bare handler's, or a one-off figure. */
export interface Row {
  scenario: string;
  connections?: number;
  measured?: LoadResult;
  /** The bare route handler under the same load, measured just before. */
  bare?: LoadResult;
  /** For one-off figures (race, cold start, bundle size): the figure itself. */
  figure?: string;
  target?: Target;
  /** Anything else the reader needs: orders made, a profile summary, a before/after. */
  notes?: string[];
}

const ms = (value: number) => (value >= 10 ? value.toFixed(0) : value.toFixed(1));
const rate = (value: number) => value.toFixed(0);
const ratio = (value: number) => `${value.toFixed(2)}×`;

export function throughputRatio(row: Row): number | undefined {
  return row.measured && row.bare ? row.measured.rps / row.bare.rps : undefined;
}

export function p99Ratio(row: Row): number | undefined {
  return row.measured && row.bare ? row.measured.p99 / Math.max(1, row.bare.p99) : undefined;
}

const HEADER = [
  "| Scenario | Conn | req/s | p50 ms | p99 ms | bare req/s | bare p99 ms | req/s ÷ bare | p99 ÷ bare | Target | Met |",
  "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|:-:|",
];

function tableLine(row: Row): string {
  const dash = "–";
  const m = row.measured;
  const b = row.bare;
  const tr = throughputRatio(row);
  const pr = p99Ratio(row);
  const cells = [
    row.figure ? `${row.scenario}: **${row.figure}**` : row.scenario,
    row.connections === undefined ? dash : String(row.connections),
    m ? rate(m.rps) : dash,
    m ? ms(m.p50) : dash,
    m ? ms(m.p99) : dash,
    b ? rate(b.rps) : dash,
    b ? ms(b.p99) : dash,
    tr === undefined ? dash : ratio(tr),
    pr === undefined ? dash : ratio(pr),
    row.target?.text ?? dash,
    row.target ? (row.target.met ? "✅" : "❌") : dash,
  ];
  return `| ${cells.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`;
}

export function renderTable(rows: Row[]): string {
  return [...HEADER, ...rows.map(tableLine)].join("\n");
}

/** Under the table: what limited each load figure (measured CPU split), and each row's notes. */
export function renderLimits(rows: Row[]): string {
  const lines: string[] = [];
  for (const row of rows) {
    const title = row.connections === undefined ? row.scenario : `${row.scenario} (c=${row.connections})`;
    const items: string[] = [];
    if (row.measured) {
      items.push(`limit: ${describeLimit(row.measured.cpu)}`);
      items.push(`answers: ${describeStatuses(row.measured.statuses)}`);
    }
    if (row.bare) items.push(`bare handler's limit: ${describeLimit(row.bare.cpu)}`);
    items.push(...(row.notes ?? []));
    if (!items.length) continue;
    lines.push(`- **${title}**`);
    for (const item of items) lines.push(`  - ${item}`);
  }
  return lines.join("\n");
}
