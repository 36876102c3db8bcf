import type { JobDefinition } from "./define";
import { catalogCacheJob } from "./definitions/catalog-cache";
import { catalogImportJob } from "./definitions/catalog-import";
import { flushViewsJob } from "./definitions/flush-views";
import { imageRenditionsJob } from "./definitions/image-renditions";
import { lowStockAlertJob } from "./definitions/low-stock";
import { orderPlacedJob, orderStatusChangedJob } from "./definitions/order-notifications";
import { idempotencyKeysPruneJob, ordersAutoCancelJob, reservationsExpireJob } from "./definitions/order-schedules";
import { searchIndexJob, searchReindexJob, searchSuggestionsJob } from "./definitions/search-index";
import { sendEmailJob } from "./definitions/send-email";

/** Every job the worker runs. A queue exists for each (and a dead-letter queue beside it). */
export const JOB_DEFINITIONS: JobDefinition[] = [
  sendEmailJob,
  imageRenditionsJob,
  catalogImportJob,
  flushViewsJob,
  catalogCacheJob,
  searchIndexJob,
  searchReindexJob,
  searchSuggestionsJob,
  lowStockAlertJob,
  orderPlacedJob,
  orderStatusChangedJob,
  ordersAutoCancelJob,
  reservationsExpireJob,
  idempotencyKeysPruneJob,
] as unknown as JobDefinition[];
