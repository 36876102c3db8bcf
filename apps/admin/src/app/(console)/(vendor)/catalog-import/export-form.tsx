"use client";

import { useState } from "react";

import { buttonClass } from "@ultramarket/ui";
import { SelectField } from "@ultramarket/ui/forms";
import { Card } from "~/components/ui";
import { exportHref } from "./csv-format";

/** Downloads the catalog as CSV in the import format, with the stock of the chosen warehouse. */
export function ExportForm({ vendorId, warehouses }: { vendorId: string; warehouses: { id: string; name: string }[] }) {
  const [warehouseId, setWarehouseId] = useState(warehouses[0]?.id ?? "");
  return (
    <Card title="Export the catalog">
      <div className="space-y-4" data-testid="catalog-export">
        <p className="text-sm text-slate-600">
          Every product that is not archived, one row per variant, in the import format. Edit it in a spreadsheet and import it back: rows
          you did not change are skipped.
        </p>
        {warehouses.length ? (
          <SelectField
            label="Stock from warehouse"
            name="warehouseId"
            value={warehouseId}
            onChange={(e) => setWarehouseId(e.target.value)}
            hint="The file has one stock column; choose whose stock it shows."
            data-testid="export-warehouse"
          >
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <p className="text-sm text-slate-500">You have no warehouse yet, so the stock columns stay empty.</p>
        )}
        <a href={exportHref(vendorId, warehouseId || undefined)} className={buttonClass("primary")} data-testid="export-link">
          Download catalog (CSV)
        </a>
      </div>
    </Card>
  );
}
