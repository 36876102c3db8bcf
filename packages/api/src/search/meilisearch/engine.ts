import type { EnqueuedTaskPromise, FederatedMultiSearchParams, MultiSearchParams, SearchResponse, Task, WaitOptions } from "meilisearch";
import { Meilisearch, MeilisearchApiError } from "meilisearch";

import type { DbExecutor } from "@ultramarket/db";

import { loadDocumentPage, loadDocuments } from "../documents";
import type { EngineQuery, EngineResult, EngineStats, SearchDocument, SearchEngine } from "../engine";
import { loadSynonyms } from "../postgres/synonyms";
import { queryWords } from "../query-words";
import type { MeiliDocument } from "./documents";
import { indexSettings, PRIMARY_KEY, synonymsSetting, toMeiliDocument } from "./documents";
import { filterConditions, hasFacetNarrowing } from "./filter";
import type { RetrievedFields, SearchOutcome } from "./search-request";
import {
  facetNames,
  facetsFrom,
  matchedWords,
  paginationParams,
  POPULAR_FIRST,
  RETRIEVED_ATTRIBUTES,
  searchWindow,
  sortParams,
  totalOf,
} from "./search-request";
import {
  activate,
  ActiveVersion,
  addToBacklog,
  liveVersions,
  lockForSwap,
  lockForWrite,
  markFailed,
  registerBuild,
  takeBacklog,
} from "../index-versions";

/** Products per document batch of a rebuild. */
const PAGE_SIZE = 1000;
/** Batches a rebuild sends ahead of the ones Meilisearch has finished (bounded, so a slow server slows the reader). */
const BATCHES_IN_FLIGHT = 4;
/** Syncs wait for their writes, so a change is searchable when the job ends; a rebuild's batches may queue before them. */
const SYNC_WAIT: WaitOptions = { timeout: 120_000, interval: 25 };
const BUILD_WAIT: WaitOptions = { timeout: 60 * 60_000, interval: 250 };

export interface MeilisearchEngineOptions {
  /** e.g. http://127.0.0.1:7700 */
  url: string;
  apiKey?: string;
  /** Put before every index name, so databases (test files, environments) sharing one server keep apart. */
  indexPrefix?: string;
  /** Milliseconds per HTTP request. */
  timeoutMs?: number;
}

function isIndexNotFound(error: unknown): boolean {
  return error instanceof MeilisearchApiError && error.cause?.code === "index_not_found";
}

/** Waits for a task and fails unless it succeeded (the client resolves failed tasks too). */
async function settle(task: EnqueuedTaskPromise, wait: WaitOptions): Promise<Task> {
  const done = await task.waitTask(wait);
  if (done.status !== "succeeded")
    throw new Error(`Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? "no error given"}`);
  return done;
}

function emptyResult(): EngineResult {
  return { productIds: [], total: 0, totalIsEstimate: false, facets: null, matchedWords: [], correctedText: null, alternativeText: null };
}

/**
 * The search engine on a Meilisearch server. Each full rebuild fills a new index `<prefix>products_v<version>`, the
 * version numbered by the shared search_index_versions table; queries read the index of the active version. The
 * swap is therefore the same one-row transaction as the Postgres engine's, and needs no swapIndexes task: the
 * database decides which index serves, a process notices within a second, and one that still reads a dropped index
 * looks the version up again. Typo tolerance, prefix matching and synonyms are Meilisearch's own, so the engine
 * reports no corrections.
 */
export class MeilisearchEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  private readonly client: Meilisearch;
  private readonly prefix: string;
  private readonly active = new ActiveVersion("meilisearch");

  constructor(options: MeilisearchEngineOptions) {
    const prefix = options.indexPrefix ?? "";
    if (!/^[A-Za-z0-9_-]{0,200}$/.test(prefix)) throw new Error("indexPrefix may hold only letters, digits, - and _");
    this.prefix = prefix;
    this.client = new Meilisearch({ host: options.url, apiKey: options.apiKey, timeout: options.timeoutMs ?? 30_000 });
  }

  indexUid(version: number): string {
    return `${this.prefix}products_v${Math.trunc(version)}`;
  }

  /** Runs a read on the active index; when a rebuild elsewhere dropped the index this process had cached, once more. */
  private async onActiveIndex<T>(db: DbExecutor, empty: T, read: (indexUid: string) => Promise<T>): Promise<T> {
    const version = await this.active.get(db);
    if (version === null) return empty;
    try {
      return await read(this.indexUid(version));
    } catch (error) {
      if (!isIndexNotFound(error)) throw error;
      this.active.forget();
      const current = await this.active.get(db);
      if (current === null) return empty;
      if (current === version) throw error;
      return read(this.indexUid(current));
    }
  }

  async sync(db: DbExecutor, productIds: string[]): Promise<void> {
    const ids = [...new Set(productIds)];
    if (ids.length === 0) return;
    const versions = await db.transaction(async (tx) => {
      await lockForWrite(tx, "meilisearch");
      const live = await liveVersions(tx, "meilisearch");
      for (const { version, status } of live)
        if (status === "building")
          // The rebuild may send an older copy of these products after this sync (its pages are read over minutes):
          // it writes them again from the backlog once its pages are in.
          await addToBacklog(tx, version, ids);
      return live;
    });
    // No index yet: the first rebuild reads the whole catalog.
    if (versions.length === 0) return;
    const documents = await loadDocuments(db, ids);
    await Promise.all(versions.map(({ version }) => this.writeDocuments(this.indexUid(version), ids, documents, SYNC_WAIT)));
    // Writing to an index a rebuild has just retired and dropped creates it again (Meilisearch creates indexes on
    // first write): drop it once more. Versions are read after the writes were queued, so no such index is missed.
    const still = new Set((await liveVersions(db, "meilisearch")).map((v) => v.version));
    for (const { version } of versions) if (!still.has(version)) await this.dropIndex(this.indexUid(version));
  }

  /** The published ones of these products are (re)written, the others deleted by their id. */
  private async writeDocuments(indexUid: string, ids: string[], documents: SearchDocument[], wait: WaitOptions): Promise<void> {
    const index = this.client.index<MeiliDocument>(indexUid);
    const published = new Set(documents.map((d) => d.productId));
    const removed = ids.filter((id) => !published.has(id));
    const tasks: Promise<Task>[] = [];
    if (documents.length) tasks.push(settle(index.addDocuments(documents.map(toMeiliDocument), { primaryKey: PRIMARY_KEY }), wait));
    if (removed.length) tasks.push(settle(index.deleteDocuments(removed), wait));
    await Promise.all(tasks);
  }

  async rebuild(db: DbExecutor, options: { batchSize?: number } = {}): Promise<{ version: number; documents: number }> {
    const batchSize = Math.max(1, options.batchSize ?? PAGE_SIZE);
    // Syncs in flight finish first: each one either is in the catalog read below or records its products in the backlog.
    const version = await registerBuild(db, "meilisearch");
    const indexUid = this.indexUid(version);
    let documents: number;
    try {
      // The name is this database's now; an index left under it belongs to another database with the same prefix
      // (an earlier test run), never to a live version of this one.
      await this.dropIndex(indexUid);
      await settle(this.client.createIndex(indexUid, { primaryKey: PRIMARY_KEY }), BUILD_WAIT);
      const index = this.client.index<MeiliDocument>(indexUid);
      await settle(index.updateSettings(indexSettings(synonymsSetting(await loadSynonyms(db)))), BUILD_WAIT);
      const inFlight: EnqueuedTaskPromise[] = [];
      let afterId: string | null = null;
      for (;;) {
        const page = await loadDocumentPage(db, afterId, batchSize);
        if (page.length === 0) break;
        const task = index.addDocuments(page.map(toMeiliDocument), { primaryKey: PRIMARY_KEY });
        // Awaited below in order; a failure of a later batch must not go unhandled while an earlier one is awaited.
        task.catch(() => undefined);
        inFlight.push(task);
        if (inFlight.length >= BATCHES_IN_FLIGHT) await settle(inFlight.shift()!, BUILD_WAIT);
        afterId = page.at(-1)!.productId;
        if (page.length < batchSize) break;
      }
      for (const task of inFlight) await settle(task, BUILD_WAIT);
      await this.writeBacklog(db, version);
      documents = await db.transaction(async (tx) => {
        await lockForSwap(tx, "meilisearch");
        // Syncs wait here now; what they recorded before is written first, so the swap loses nothing.
        await this.writeBacklog(tx, version);
        const { numberOfDocuments } = await index.getStats();
        await activate(tx, "meilisearch", version, numberOfDocuments);
        return numberOfDocuments;
      });
    } catch (error) {
      await markFailed(db, version, error);
      await this.dropIndex(indexUid).catch(() => undefined);
      throw error;
    }
    this.active.forget();
    // Best effort: a failure leaves an unused index behind, which the next rebuild drops.
    await this.dropUnusedIndexes(db).catch(() => undefined);
    return { version, documents };
  }

  /** Writes the products changed while this version was being built (they are taken off the backlog). */
  private async writeBacklog(db: DbExecutor, version: number): Promise<void> {
    const backlog = await takeBacklog(db, version);
    for (let i = 0; i < backlog.length; i += 500) {
      const ids = backlog.slice(i, i + 500);
      await this.writeDocuments(this.indexUid(version), ids, await loadDocuments(db, ids), BUILD_WAIT);
    }
  }

  private async dropIndex(indexUid: string): Promise<void> {
    const task = await this.client.deleteIndex(indexUid).waitTask(BUILD_WAIT);
    if (task.status !== "succeeded" && task.error?.code !== "index_not_found")
      throw new Error(`Meilisearch could not delete index ${indexUid}: ${task.error?.message ?? task.status}`);
  }

  /** The product indexes of this prefix on the server, live or not. */
  private async ownIndexes(): Promise<string[]> {
    const own = new RegExp(`^${this.prefix}products_v\\d+$`);
    const uids: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const { results } = await this.client.getRawIndexes({ offset, limit: 100 });
      for (const { uid } of results) if (own.test(uid)) uids.push(uid);
      if (results.length < 100) return uids;
    }
  }

  /** Drops this prefix's product indexes that serve no live version (retired ones, and any a late sync recreated). */
  private async dropUnusedIndexes(db: DbExecutor): Promise<void> {
    const live = new Set((await liveVersions(db, "meilisearch")).map((v) => this.indexUid(v.version)));
    for (const uid of await this.ownIndexes()) if (!live.has(uid)) await this.dropIndex(uid);
  }

  /** Drops every index of this prefix (tests clean up after themselves with it). */
  async dropAllIndexes(): Promise<void> {
    for (const uid of await this.ownIndexes()) await this.dropIndex(uid);
    this.active.forget();
  }

  async healthy(): Promise<boolean> {
    return this.client.isHealthy();
  }

  async applySynonyms(db: DbExecutor): Promise<void> {
    const synonyms = synonymsSetting(await loadSynonyms(db));
    for (const { version } of await liveVersions(db, "meilisearch"))
      await settle(this.client.index(this.indexUid(version)).updateSynonyms(synonyms), BUILD_WAIT);
  }

  async stats(db: DbExecutor): Promise<EngineStats> {
    const versions = await liveVersions(db, "meilisearch");
    const active = versions.find((v) => v.status === "active") ?? null;
    const building = versions.find((v) => v.status === "building") ?? null;
    const documents = active
      ? await this.client
          .index(this.indexUid(active.version))
          .getStats()
          .then(
            (s) => s.numberOfDocuments,
            (error: unknown) => {
              if (isIndexNotFound(error)) return 0;
              throw error;
            },
          )
      : 0;
    return {
      activeVersion: active?.version ?? null,
      building: building ? { version: building.version, startedAt: new Date(building.started_at) } : null,
      documents,
      // Meilisearch keeps its own word dictionary; there is no lexicon table to count.
      lexiconWords: 0,
      outdated: false,
    };
  }

  async query(db: DbExecutor, query: EngineQuery): Promise<EngineResult> {
    return this.onActiveIndex(db, emptyResult(), (indexUid) => this.search(indexUid, query));
  }

  private async search(indexUid: string, query: EngineQuery): Promise<EngineResult> {
    const words = queryWords(query.text).map((w) => w.word);
    const q = words.join(" ");
    const filter = filterConditions(query.filters, { facetBase: false });
    const withAttributes = Boolean(query.filters.categoryId);
    const facets = query.facets ? facetNames(withAttributes) : null;
    // Facets count without the brand, vendor and attribute choices: a search of their own then.
    const facetFilter = facets && hasFacetNarrowing(query.filters) ? filterConditions(query.filters, { facetBase: true }) : null;
    const plan: SearchPlan = { indexUid, sort: query.sort, filter, window: searchWindow(query.offset, query.limit), facets, facetFilter };
    const found = query.match === "any" && words.length > 1 ? await this.searchAnyWord(plan, words) : await this.searchAllWords(plan, q);
    const { total, totalIsEstimate } = totalOf(found.response);
    return {
      productIds: found.response.hits.map((hit) => hit.productId),
      total,
      totalIsEstimate,
      facets: found.facets ? facetsFrom(found.facets, withAttributes) : null,
      matchedWords: q ? matchedWords(words, found.response.hits) : [],
      // Meilisearch corrects typos inside the search; there is no separate corrected query to report.
      correctedText: null,
      alternativeText: null,
    };
  }

  /** Every word must match (typos allowed, the last word a prefix); the facet search rides in the same request. */
  private async searchAllWords({ indexUid, sort, filter, window, facets, facetFilter }: SearchPlan, q: string): Promise<SearchFound> {
    const main = {
      ...textParams(q, sort),
      filter: filterParam(filter),
      ...paginationParams(window.offset, window.limit),
      matchingStrategy: "all" as const,
      facets: facets && !facetFilter ? facets : undefined,
    };
    if (!facets || !facetFilter) {
      const response: SearchOutcome = await this.client.index(indexUid).search(q, main);
      return { response, facets: facets ? response : null };
    }
    const { results } = await this.client.multiSearch<MultiSearchParams, RetrievedFields>({
      queries: [
        { indexUid, ...main },
        { indexUid, q, filter: filterParam(facetFilter), matchingStrategy: "all", page: 1, hitsPerPage: 0, facets },
      ],
    });
    return { response: results[0]!, facets: results[1]! };
  }

  /**
   * The relaxed fallback: documents with any of the words. Meilisearch's `last` matching strategy is not that (it
   * drops words from the end but always keeps the first, so "artel apple" would find no Apple product): each word is
   * a query of its own and a federated search merges them into one list, each document once, ranked by its best match
   * (or by the sort, which every query shares); facets count over the union.
   */
  private async searchAnyWord({ indexUid, sort, filter, window, facets, facetFilter }: SearchPlan, words: string[]): Promise<SearchFound> {
    const queries = (conditions: string[]) =>
      words.map((word) => ({ indexUid, ...textParams(word, sort), filter: filterParam(conditions), matchingStrategy: "all" as const }));
    const federated = (conditions: string[], page: { offset: number; limit: number }, facetsByIndex: string[] | null) =>
      this.client.multiSearch<FederatedMultiSearchParams, RetrievedFields>({
        federation: { ...page, facetsByIndex: facetsByIndex ? { [indexUid]: facetsByIndex } : undefined },
        queries: queries(conditions),
      });
    const asOutcome = (response: SearchResponse<RetrievedFields>): SearchOutcome => ({
      hits: response.hits,
      totalHits: response.totalHits,
      estimatedTotalHits: response.estimatedTotalHits,
      facetDistribution: response.facetsByIndex?.[indexUid]?.distribution,
      facetStats: response.facetsByIndex?.[indexUid]?.stats,
    });
    const [response, facetResponse] = await Promise.all([
      federated(filter, window, facets && !facetFilter ? facets : null),
      facets && facetFilter ? federated(facetFilter, { offset: 0, limit: 0 }, facets) : null,
    ]);
    const outcome = asOutcome(response);
    return { response: outcome, facets: facetResponse ? asOutcome(facetResponse) : facets ? outcome : null };
  }

  async suggestProducts(db: DbExecutor, text: string, limit: number): Promise<{ productIds: string[]; matchedWords: string[] }> {
    const words = queryWords(text).map((w) => w.word);
    const none = { productIds: [], matchedWords: [] };
    if (words.length === 0) return none;
    return this.onActiveIndex(db, none, async (indexUid) => {
      // The most popular of the products matching what is typed so far (the `sort` rule ranks first).
      const response: SearchOutcome = await this.client.index(indexUid).search(words.join(" "), {
        limit,
        matchingStrategy: "all",
        sort: POPULAR_FIRST,
        attributesToRetrieve: RETRIEVED_ATTRIBUTES,
        showMatchesPosition: true,
      });
      return { productIds: response.hits.map((hit) => hit.productId), matchedWords: matchedWords(words, response.hits) };
    });
  }
}

/** One search as planned from the engine query: where, in what order, which window, and which facets over what. */
interface SearchPlan {
  indexUid: string;
  sort: EngineQuery["sort"];
  filter: string[];
  window: { offset: number; limit: number };
  facets: string[] | null;
  /** The facet base's filter when it differs from the query's (then the facets need a search of their own). */
  facetFilter: string[] | null;
}

interface SearchFound {
  response: SearchOutcome;
  facets: SearchOutcome | null;
}

const filterParam = (conditions: string[]) => (conditions.length ? conditions : undefined);

/** What every search of typed words asks for: the words, the order, and the ids and title matches of the hits. */
function textParams(q: string, sort: EngineQuery["sort"]) {
  return {
    q,
    sort: sortParams(sort, q.length > 0),
    attributesToRetrieve: RETRIEVED_ATTRIBUTES,
    showMatchesPosition: q.length > 0,
  };
}
