import { routes } from "~/server/runtime";

export const dynamic = "force-dynamic";
export const GET = (request: Request) => routes.trpc(request);
export const POST = (request: Request) => routes.trpc(request);
