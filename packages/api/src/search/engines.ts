import type { SearchEngine } from "./engine";
import { PostgresSearchEngine } from "./postgres/engine";

export interface SearchEngineConfig {
  meiliUrl?: string;
  meiliApiKey?: string;
}

/** Meilisearch when MEILI_URL is set, else the Postgres engine (the embedded default). */
export function createSearchEngine(_config: SearchEngineConfig): SearchEngine {
  return new PostgresSearchEngine();
}
