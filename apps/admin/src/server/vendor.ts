import "server-only";

import { getApi, requireConsoleViewer } from "./viewer";

export interface VendorChoice {
  id: string;
  slug: string;
  name: string;
}

/** The signed-in seller's vendors and the one picked by `?vendor=` (the first by default); null vendor when they have none. */
export async function currentVendor(requested: string | undefined): Promise<{ vendors: VendorChoice[]; vendor: VendorChoice | null }> {
  await requireConsoleViewer();
  const vendors = await (await getApi()).vendors.mine();
  const vendor = vendors.find((v) => v.id === requested) ?? vendors[0] ?? null;
  return { vendors, vendor };
}
