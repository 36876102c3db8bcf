// A worker process for the crash tests: the real startWorker + stopOnSignals, with test jobs.
import { createRuntime } from "../../core/runtime";
import { startWorker, stopOnSignals } from "../worker";
import { JOB_DEFINITIONS } from "../registry";
import type { JobDefinition } from "../define";
import { failingJob, slowJob } from "./slow-job";

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error("usage: worker-fixture <database-url>");
const extra = [slowJob, failingJob] as unknown as JobDefinition[];
const runtime = await createRuntime({
  service: "worker-fixture",
  appEnv: "test",
  databaseUrl,
  publicWebUrl: "http://localhost:3000",
  publicAdminUrl: "http://localhost:3001",
  databaseSource: "external",
  filesDir: "/tmp/ultramarket-test-files",
  logLevel: "warn",
  jobs: { supervise: true, maintenanceIntervalSeconds: 1, extraDefinitions: extra },
});
const worker = await startWorker(runtime, [...JOB_DEFINITIONS, ...extra]);
stopOnSignals(runtime, worker);
console.log("worker ready");
