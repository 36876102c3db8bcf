import { routes } from "~/server/runtime";

export const dynamic = "force-dynamic";
export const POST = (request: Request) => routes.uploadCatalogImport(request);
