import { routes } from "~/server/runtime";

export const dynamic = "force-dynamic";
export const GET = () => routes.health();
