import { routes } from "~/server/runtime";

export const dynamic = "force-dynamic";
export const GET = (request: Request) => routes.catalogExport(request);
