import { routes } from "~/server/runtime";

export const dynamic = "force-dynamic";
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return routes.file((await params).path);
}
