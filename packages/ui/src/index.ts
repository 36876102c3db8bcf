export * from "./components";
export { cn } from "./cn";
export { formatPrice } from "./format";
export type { UiLocale } from "./format";
