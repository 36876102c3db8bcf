import type { SearchEngine } from "./engine";
import { MeilisearchEngine } from "./meilisearch/engine";
import { PostgresSearchEngine } from "./postgres/engine";

export interface SearchEngineConfig {
  meiliUrl?: string;
  meiliApiKey?: string;
  /** Before every Meilisearch index name; the default keeps the shop's indexes apart from others on the server. */
  meiliIndexPrefix?: string;
}

/** Meilisearch when MEILI_URL is set, else the Postgres engine (the embedded default). */
export function createSearchEngine(config: SearchEngineConfig): SearchEngine {
  if (config.meiliUrl)
    return new MeilisearchEngine({
      url: config.meiliUrl,
      apiKey: config.meiliApiKey,
      indexPrefix: config.meiliIndexPrefix ?? "ultramarket_",
    });
  return new PostgresSearchEngine();
}
