import type { ReactNode } from "react";

import { requireStaff } from "~/server/viewer";

/** Staff-only pages: sellers (and customers) are sent back to their dashboard. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  await requireStaff();
  return children;
}
