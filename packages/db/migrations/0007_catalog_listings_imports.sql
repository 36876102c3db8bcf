CREATE TYPE "public"."catalog_import_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "product_listings" (
	"category_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"min_price_amount" bigint NOT NULL,
	"view_count" bigint NOT NULL,
	"brand" text,
	"attribute_values" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_listings_category_id_product_id_pk" PRIMARY KEY("category_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "catalog_import_errors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"sku" text,
	"field" text,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"vendor_id" uuid NOT NULL,
	"created_by" uuid,
	"file_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"status" "catalog_import_status" DEFAULT 'queued' NOT NULL,
	"size_bytes" integer NOT NULL,
	"processed_bytes" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created_products" integer DEFAULT 0 NOT NULL,
	"created_variants" integer DEFAULT 0 NOT NULL,
	"updated_variants" integer DEFAULT 0 NOT NULL,
	"unchanged_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"failure" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "products_listing_newest_idx";--> statement-breakpoint
DROP INDEX "products_listing_price_idx";--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "slugs" jsonb;--> statement-breakpoint
-- Existing categories keep their one slug in every language until an admin gives them their own.
UPDATE "categories" SET "slugs" = jsonb_build_object('uz', "slug", 'ru', "slug", 'en', "slug");--> statement-breakpoint
ALTER TABLE "categories" ALTER COLUMN "slugs" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "external_ref" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "view_count" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_listings" ADD CONSTRAINT "product_listings_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_listings" ADD CONSTRAINT "product_listings_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_import_errors" ADD CONSTRAINT "catalog_import_errors_import_id_catalog_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."catalog_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_imports" ADD CONSTRAINT "catalog_imports_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_imports" ADD CONSTRAINT "catalog_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_listings_product_id_index" ON "product_listings" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "product_listings_newest_idx" ON "product_listings" USING btree ("category_id","published_at" DESC NULLS LAST,"product_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "product_listings_price_idx" ON "product_listings" USING btree ("category_id","min_price_amount","product_id");--> statement-breakpoint
CREATE INDEX "product_listings_popular_idx" ON "product_listings" USING btree ("category_id","view_count" DESC NULLS LAST,"product_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "product_listings_brand_newest_idx" ON "product_listings" USING btree ("category_id","brand","published_at" DESC NULLS LAST,"product_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "product_listings_brand_price_idx" ON "product_listings" USING btree ("category_id","brand","min_price_amount","product_id");--> statement-breakpoint
CREATE INDEX "product_listings_brand_popular_idx" ON "product_listings" USING btree ("category_id","brand","view_count" DESC NULLS LAST,"product_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "catalog_import_errors_import_id_line_index" ON "catalog_import_errors" USING btree ("import_id","line");--> statement-breakpoint
CREATE INDEX "catalog_imports_vendor_id_created_at_index" ON "catalog_imports" USING btree ("vendor_id","created_at");--> statement-breakpoint
CREATE INDEX "categories_slug_ru_idx" ON "categories" USING btree (("slugs" ->> 'ru'));--> statement-breakpoint
CREATE INDEX "categories_slug_en_idx" ON "categories" USING btree (("slugs" ->> 'en'));--> statement-breakpoint
CREATE UNIQUE INDEX "products_vendor_id_external_ref_index" ON "products" USING btree ("vendor_id","external_ref");--> statement-breakpoint
CREATE INDEX "products_category_id_index" ON "products" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "products_category_path_idx" ON "products" USING btree ("category_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "products_published_popular_idx" ON "products" USING btree ("view_count" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "products"."status" = 'published';--> statement-breakpoint
-- product_listings mirrors published products per category on their path. A trigger keeps
-- it, so every writer (vendor edits, moderation, imports, category moves, view counts) is
-- covered without each one remembering to.
CREATE FUNCTION listing_attribute_values(attributes jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(key || '=' || value ORDER BY key), '{}') FROM jsonb_each_text(attributes);
$$;--> statement-breakpoint
CREATE FUNCTION sync_product_listings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = 'published' AND NEW.status = 'published' AND OLD.category_path = NEW.category_path THEN
    UPDATE product_listings
       SET published_at = coalesce(NEW.published_at, NEW.created_at), min_price_amount = NEW.min_price_amount,
           view_count = NEW.view_count, brand = NEW.brand, attribute_values = listing_attribute_values(NEW.attributes),
           updated_at = now()
     WHERE product_id = NEW.id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM product_listings WHERE product_id = OLD.id;
  END IF;
  IF NEW.status = 'published' THEN
    INSERT INTO product_listings (category_id, product_id, published_at, min_price_amount, view_count, brand, attribute_values)
    SELECT ancestor::uuid, NEW.id, coalesce(NEW.published_at, NEW.created_at), NEW.min_price_amount, NEW.view_count, NEW.brand,
           listing_attribute_values(NEW.attributes)
      FROM unnest(string_to_array(trim(both '/' from NEW.category_path), '/')) AS ancestor;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER products_listings_on_insert AFTER INSERT ON products
  FOR EACH ROW EXECUTE FUNCTION sync_product_listings();--> statement-breakpoint
CREATE TRIGGER products_listings_on_update AFTER UPDATE ON products
  FOR EACH ROW
  WHEN ((OLD.status, OLD.category_path, OLD.published_at, OLD.min_price_amount, OLD.view_count, OLD.brand, OLD.attributes)
        IS DISTINCT FROM (NEW.status, NEW.category_path, NEW.published_at, NEW.min_price_amount, NEW.view_count, NEW.brand, NEW.attributes))
  EXECUTE FUNCTION sync_product_listings();--> statement-breakpoint
-- Rebuilds the whole mirror in one statement: the backfill here, and bulk loads (the seed
-- loads with the insert trigger off, then calls this) where a trigger per row is too slow.
CREATE FUNCTION rebuild_product_listings() RETURNS void LANGUAGE sql AS $$
  DELETE FROM product_listings;
  INSERT INTO product_listings (category_id, product_id, published_at, min_price_amount, view_count, brand, attribute_values)
  SELECT ancestor::uuid, p.id, coalesce(p.published_at, p.created_at), p.min_price_amount, p.view_count, p.brand,
         listing_attribute_values(p.attributes)
    FROM products p, unnest(string_to_array(trim(both '/' from p.category_path), '/')) AS ancestor
   WHERE p.status = 'published';
$$;--> statement-breakpoint
SELECT rebuild_product_listings();--> statement-breakpoint
-- Brands belong to some categories only (Zara to clothes): without this, Postgres multiplies the two selectivities
-- as if independent and misjudges how many rows a brand filter leaves in a category.
CREATE STATISTICS product_listings_category_brand (dependencies, ndistinct, mcv) ON category_id, brand FROM product_listings;
