import { describe, expect, it } from "vitest";

import { BASE_COLUMNS } from "@ultramarket/api/catalog-csv";
import { CSV_COLUMNS } from "./csv-format";

describe("the console's CSV help", () => {
  it("documents exactly the columns the import reads, in the same order", () => {
    expect(CSV_COLUMNS.map((c) => c.name)).toEqual([...BASE_COLUMNS]);
  });
});
