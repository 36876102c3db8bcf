import { SelectField, TextField } from "@ultramarket/ui/forms";
import type { OrderStatus } from "~/lib/orders";
import { ORDER_STATUSES, STATUS_LABELS } from "~/lib/orders";

/** The status and day-placed fields both order lists filter by (their GET form reads `status`, `from` and `to`). */
export function OrderFilterFields({
  status,
  from,
  to,
}: {
  status?: OrderStatus | string | null;
  from?: string | null;
  to?: string | null;
}) {
  return (
    <>
      <SelectField label="Status" name="status" defaultValue={status ?? ""} className="w-48">
        <option value="">Any status</option>
        {ORDER_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <TextField label="Placed from" name="from" type="date" defaultValue={from ?? ""} className="w-44" />
      <TextField label="Placed to" name="to" type="date" defaultValue={to ?? ""} className="w-44" />
    </>
  );
}
