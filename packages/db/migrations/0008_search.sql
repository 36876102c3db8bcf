CREATE TYPE "public"."search_index_status" AS ENUM('building', 'active', 'retired', 'failed');--> statement-breakpoint
CREATE TYPE "public"."search_suggestion_kind" AS ENUM('category', 'brand', 'query');--> statement-breakpoint
CREATE TABLE "search_clicks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"query_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"index_version" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"category_ids" uuid[] NOT NULL,
	"brand" text,
	"min_price_amount" bigint NOT NULL,
	"max_price_amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"in_stock" boolean NOT NULL,
	"rating" real,
	"rating_count" integer DEFAULT 0 NOT NULL,
	"popularity" bigint NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"attribute_values" text[] NOT NULL,
	"tsv" "tsvector" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_documents_index_version_product_id_pk" PRIMARY KEY("index_version","product_id")
) PARTITION BY LIST ("index_version");
--> statement-breakpoint
CREATE TABLE "search_history" (
	"user_id" uuid NOT NULL,
	"folded_text" text NOT NULL,
	"text" text NOT NULL,
	"search_count" integer DEFAULT 1 NOT NULL,
	"searched_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_history_user_id_folded_text_pk" PRIMARY KEY("user_id","folded_text")
);
--> statement-breakpoint
CREATE TABLE "search_index_backlog" (
	"index_version" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_index_backlog_index_version_product_id_pk" PRIMARY KEY("index_version","product_id")
);
--> statement-breakpoint
CREATE TABLE "search_index_versions" (
	"version" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "search_index_versions_version_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"engine" text NOT NULL,
	"status" "search_index_status" NOT NULL,
	"document_count" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_lexicon" (
	"word" text PRIMARY KEY NOT NULL,
	"document_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_queries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"folded_text" text NOT NULL,
	"corrected_text" text,
	"filters" jsonb NOT NULL,
	"sort" text NOT NULL,
	"page" integer NOT NULL,
	"result_count" integer NOT NULL,
	"latency_ms" integer NOT NULL,
	"locale" char(2) NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_suggestions" (
	"kind" "search_suggestion_kind" NOT NULL,
	"key" text NOT NULL,
	"label" jsonb NOT NULL,
	"target" text NOT NULL,
	"weight" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_suggestions_kind_key_pk" PRIMARY KEY("kind","key")
);
--> statement-breakpoint
CREATE TABLE "search_synonyms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"terms" text[] NOT NULL,
	"folded_terms" text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "rating_average" real;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "rating_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "search_history" ADD CONSTRAINT "search_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_synonyms" ADD CONSTRAINT "search_synonyms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_clicks_query_id_index" ON "search_clicks" USING btree ("query_id");--> statement-breakpoint
CREATE INDEX "search_clicks_created_at_index" ON "search_clicks" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_category_ids_idx" ON "search_documents" USING gin ("category_ids");--> statement-breakpoint
CREATE INDEX "search_documents_attribute_values_idx" ON "search_documents" USING gin ("attribute_values");--> statement-breakpoint
CREATE INDEX "search_documents_popular_idx" ON "search_documents" USING btree ("index_version","popularity" DESC NULLS LAST,"product_id");--> statement-breakpoint
CREATE INDEX "search_documents_price_idx" ON "search_documents" USING btree ("index_version","min_price_amount","product_id");--> statement-breakpoint
CREATE INDEX "search_documents_newest_idx" ON "search_documents" USING btree ("index_version","published_at" DESC NULLS LAST,"product_id");--> statement-breakpoint
CREATE INDEX "search_documents_brand_idx" ON "search_documents" USING btree ("index_version","brand");--> statement-breakpoint
CREATE INDEX "search_documents_vendor_idx" ON "search_documents" USING btree ("index_version","vendor_id");--> statement-breakpoint
CREATE INDEX "search_history_user_id_searched_at_index" ON "search_history" USING btree ("user_id","searched_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "search_index_versions_one_active" ON "search_index_versions" USING btree ("engine") WHERE "search_index_versions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "search_lexicon_word_trgm_idx" ON "search_lexicon" USING gist ("word" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_lexicon_word_prefix_idx" ON "search_lexicon" USING btree ("word" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "search_queries_created_at_index" ON "search_queries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "search_queries_folded_text_created_at_index" ON "search_queries" USING btree ("folded_text","created_at");--> statement-breakpoint
CREATE INDEX "search_suggestions_key_trgm_idx" ON "search_suggestions" USING gin ("key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_suggestions_key_prefix_idx" ON "search_suggestions" USING btree ("key" text_pattern_ops);--> statement-breakpoint
-- Edit distance for typo correction (search_lexicon candidates are found by trigram distance first).
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;--> statement-breakpoint
-- Search keys: Uzbek Cyrillic and Russian written in Uzbek Latin, Russian-style digraphs made one with it (zh → j,
-- kh → x), the oʻ/gʻ apostrophes in every keyboard form dropped, accents removed, words of a-z and 0-9 separated by
-- single spaces. The twin of foldText in packages/api/src/search/fold.ts; a test keeps the two equal. Cyrillic capitals
-- are lowered by translate() because lower() leaves them alone under the C locale.
CREATE FUNCTION search_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT btrim(regexp_replace(replace(replace(regexp_replace(
    lower(public.unaccent('public.unaccent'::regdictionary, replace(replace(replace(replace(replace(replace(replace(translate(lower(translate(input, 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЎҚҒҲЄІ', 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяўқғҳєі')), 'абвгдежзийклмнопрстуфхыэўқғҳєіъь', 'abvgdejziyklmnoprstufxieoqghei'), 'ё', 'yo'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'щ', 'sh'), 'ю', 'yu'), 'я', 'ya'))),
    '[''ʻʼ`’‘]', '', 'g'), 'zh', 'j'), 'kh', 'x'), '[^a-z0-9]+', ' ', 'g'))
$$;--> statement-breakpoint
-- The weighted text of a search document: title A, brand and category names B, attributes, options, tags and SKUs C,
-- description D. Folded texts go in as they are ('simple'); Russian and English titles and Russian category names
-- are stemmed as well, so холодильники finds холодильник and fridges finds fridge.
CREATE FUNCTION search_document_tsv(title text, title_ru text, title_en text, labels text, labels_ru text, attributes text, description text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('simple', coalesce(title, '')), 'A')
      || setweight(to_tsvector('russian', public.unaccent('public.unaccent'::regdictionary, coalesce(title_ru, ''))), 'A')
      || setweight(to_tsvector('english', coalesce(title_en, '')), 'A')
      || setweight(to_tsvector('simple', coalesce(labels, '')), 'B')
      || setweight(to_tsvector('russian', public.unaccent('public.unaccent'::regdictionary, coalesce(labels_ru, ''))), 'B')
      || setweight(to_tsvector('simple', coalesce(attributes, '')), 'C')
      || setweight(to_tsvector('simple', coalesce(description, '')), 'D')
$$;--> statement-breakpoint
-- The first index version: active from the start and empty. Databases that already hold products get it filled by
-- the worker (it starts a rebuild when the active version is empty and the catalog is not) or by `pnpm seed`.
INSERT INTO search_index_versions (engine, status, activated_at) VALUES ('postgres', 'active', now());--> statement-breakpoint
CREATE TABLE search_documents_v1 PARTITION OF search_documents FOR VALUES IN (1);
