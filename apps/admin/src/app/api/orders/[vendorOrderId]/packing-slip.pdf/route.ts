import { routes } from "~/server/runtime";

export const dynamic = "force-dynamic";
export async function GET(request: Request, { params }: { params: Promise<{ vendorOrderId: string }> }) {
  return routes.orderDocument(request, (await params).vendorOrderId, "packing-slip");
}
