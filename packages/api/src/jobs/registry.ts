import type { JobDefinition } from "./define";
import { sendEmailJob } from "./definitions/send-email";

/** Every job the worker runs. A queue exists for each (and a dead-letter queue beside it). */
export const JOB_DEFINITIONS: JobDefinition[] = [sendEmailJob as unknown as JobDefinition];
