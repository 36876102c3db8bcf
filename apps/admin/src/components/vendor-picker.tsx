import Form from "next/form";

import { SelectField, SubmitButton } from "@ultramarket/ui/forms";
import type { VendorChoice } from "~/server/vendor";

/** Shown only when a seller runs several shops: switches the `?vendor=` the page works on. */
export function VendorPicker({ vendors, current, action }: { vendors: VendorChoice[]; current: string; action: string }) {
  if (vendors.length < 2) return null;
  return (
    <Form action={action} className="flex items-end gap-2">
      <SelectField label="Shop" name="vendor" defaultValue={current} className="w-56">
        {vendors.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </SelectField>
      <SubmitButton variant="secondary">Switch</SubmitButton>
    </Form>
  );
}
