import type { SqlClient } from "../client";

type Cell = string | number | boolean | null | Date | object;

/** Escapes one value for COPY's text format (tab-separated, \N for null). */
function encodeCell(value: Cell): string {
  if (value === null) return "\\N";
  const text = value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** Loads rows with COPY FROM STDIN: an order of magnitude faster than INSERT for bulk seeding. */
export async function copyRows(sql: SqlClient, table: string, columns: string[], rows: Cell[][]): Promise<void> {
  if (rows.length === 0) return;
  const body = rows.map((row) => row.map(encodeCell).join("\t")).join("\n") + "\n";
  const cols = columns.map((c) => `"${c}"`).join(", ");
  const stream = await sql.unsafe(`copy "${table}" (${cols}) from stdin`).writable();
  await new Promise<void>((resolve, reject) => {
    stream.on("error", reject);
    stream.on("finish", resolve);
    stream.end(body);
  });
}
