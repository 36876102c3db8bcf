// The formatter lives in the API package so that server-rendered documents (invoices) print
// prices exactly as the apps do.
export { formatPrice } from "@ultramarket/api/money";
export type { UiLocale } from "@ultramarket/api/money";
