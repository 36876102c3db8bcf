CREATE TYPE "public"."stock_movement_kind" AS ENUM('receipt', 'adjustment', 'reservation', 'release', 'sale', 'return');--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"variant_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"kind" "stock_movement_kind" NOT NULL,
	"on_hand_delta" integer DEFAULT 0 NOT NULL,
	"reserved_delta" integer DEFAULT 0 NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stock_movements_variant_id_warehouse_id_created_at_index" ON "stock_movements" USING btree ("variant_id","warehouse_id","created_at");--> statement-breakpoint
-- Stock that existed before the ledger (seeded or migrated) enters it as one receipt per counter.
INSERT INTO "stock_movements" ("id", "variant_id", "warehouse_id", "kind", "on_hand_delta", "reserved_delta", "reason")
SELECT gen_random_uuid(), "variant_id", "warehouse_id", 'receipt', "on_hand", 0, 'opening balance' FROM "stock_levels" WHERE "on_hand" > 0;--> statement-breakpoint
-- The ledger is evidence, like the audit log: rows are only added.
CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;--> statement-breakpoint
CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
