import { routes } from "~/server/runtime";

export const dynamic = "force-dynamic";
export async function GET(request: Request, { params }: { params: Promise<{ applicationId: string; index: string }> }) {
  const { applicationId, index } = await params;
  if (!/^[0-9a-f-]{36}$/.test(applicationId) || !/^\d$/.test(index)) return new Response("Not found", { status: 404 });
  return routes.kycDocument(request, applicationId, Number(index));
}
