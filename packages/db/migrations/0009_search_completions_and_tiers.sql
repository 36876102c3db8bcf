CREATE TABLE "search_completions" (
	"index_version" integer NOT NULL,
	"prefix" text NOT NULL,
	"product_ids" uuid[] NOT NULL,
	"cutoff_popularity" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_completions_index_version_prefix_pk" PRIMARY KEY("index_version","prefix")
);
--> statement-breakpoint
DROP INDEX "search_documents_tsv_idx";--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "tier" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "search_index_versions" ADD COLUMN "tier_floors" bigint[];--> statement-breakpoint
CREATE INDEX "search_documents_tsv_t0_idx" ON "search_documents" USING gin ("tsv") WHERE tier = 0;--> statement-breakpoint
CREATE INDEX "search_documents_tsv_t1_idx" ON "search_documents" USING gin ("tsv") WHERE tier = 1;--> statement-breakpoint
CREATE INDEX "search_documents_tsv_t2_idx" ON "search_documents" USING gin ("tsv") WHERE tier = 2;--> statement-breakpoint
CREATE INDEX "search_documents_tsv_t3_idx" ON "search_documents" USING gin ("tsv") WHERE tier = 3;