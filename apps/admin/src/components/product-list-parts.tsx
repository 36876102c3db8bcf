import { formatPrice } from "@ultramarket/ui";
import { SelectField } from "@ultramarket/ui/forms";
import { Badge, Td } from "~/components/ui";
import { STATUS_LABELS, STATUS_TONES } from "~/lib/catalog";
import type { ProductStatus } from "~/lib/catalog";
import { formatDateTime } from "~/lib/format";

export type StockFilter = "in_stock" | "out_of_stock";

/** The `stock` URL parameter, or undefined when it is absent or not a filter the API knows. */
export const stockFilterOf = (raw: string | undefined): StockFilter | undefined =>
  raw === "in_stock" || raw === "out_of_stock" ? raw : undefined;

/** The stock filter of the console's product lists. */
export function StockFilterField({ value }: { value: StockFilter | undefined }) {
  return (
    <SelectField label="Stock" name="stock" defaultValue={value ?? ""}>
      <option value="">Any stock</option>
      <option value="in_stock">In stock</option>
      <option value="out_of_stock">Out of stock</option>
    </SelectField>
  );
}

/** Status, price from, available units and last update: the cells every product list shows. */
export function ProductFactCells({
  product,
}: {
  product: { status: ProductStatus; minPriceAmount: number; available: number; updatedAt: Date };
}) {
  return (
    <>
      <Td>
        <Badge tone={STATUS_TONES[product.status]}>{STATUS_LABELS[product.status]}</Badge>
      </Td>
      <Td className="whitespace-nowrap">{formatPrice(product.minPriceAmount, "UZS", "uz")}</Td>
      <Td className="tabular-nums">{product.available.toLocaleString("en")}</Td>
      <Td className="whitespace-nowrap text-slate-500">{formatDateTime(product.updatedAt)}</Td>
    </>
  );
}
