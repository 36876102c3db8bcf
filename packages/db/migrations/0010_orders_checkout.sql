CREATE TYPE "public"."stock_reservation_status" AS ENUM('active', 'released', 'sold');--> statement-breakpoint
CREATE TYPE "public"."shipping_method_kind" AS ENUM('courier', 'pickup');--> statement-breakpoint
CREATE TYPE "public"."shipping_rate_type" AS ENUM('flat', 'weight');--> statement-breakpoint
CREATE SEQUENCE "public"."order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"order_id" uuid,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_reservations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"vendor_order_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"status" "stock_reservation_status" DEFAULT 'active' NOT NULL,
	"expires_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_reservations_quantity_positive" CHECK ("stock_reservations"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "shipping_methods" (
	"id" uuid PRIMARY KEY NOT NULL,
	"vendor_id" uuid NOT NULL,
	"kind" "shipping_method_kind" NOT NULL,
	"name" jsonb NOT NULL,
	"regions" text[] DEFAULT '{}' NOT NULL,
	"rate_type" "shipping_rate_type" DEFAULT 'flat' NOT NULL,
	"base_amount" bigint DEFAULT 0 NOT NULL,
	"per_kg_amount" bigint DEFAULT 0 NOT NULL,
	"free_over_amount" bigint,
	"min_days" integer NOT NULL,
	"max_days" integer NOT NULL,
	"pickup_address" text,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipping_methods_amounts_nonnegative" CHECK ("shipping_methods"."base_amount" >= 0 AND "shipping_methods"."per_kg_amount" >= 0),
	CONSTRAINT "shipping_methods_days" CHECK ("shipping_methods"."min_days" >= 0 AND "shipping_methods"."max_days" >= "shipping_methods"."min_days")
);
--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "commission_rate_bps" integer DEFAULT 1000 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_variants" ADD COLUMN "low_stock_threshold" integer;--> statement-breakpoint
ALTER TABLE "vendor_orders" ADD COLUMN "number" text NOT NULL;--> statement-breakpoint
ALTER TABLE "vendor_orders" ADD COLUMN "vat_amount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "vendor_orders" ADD COLUMN "shipping_method_id" uuid;--> statement-breakpoint
ALTER TABLE "vendor_orders" ADD COLUMN "delivery_min_days" integer;--> statement-breakpoint
ALTER TABLE "vendor_orders" ADD COLUMN "delivery_max_days" integer;--> statement-breakpoint
ALTER TABLE "vendor_orders" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_reservations" ADD CONSTRAINT "stock_reservations_vendor_order_id_vendor_orders_id_fk" FOREIGN KEY ("vendor_order_id") REFERENCES "public"."vendor_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_reservations" ADD CONSTRAINT "stock_reservations_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_reservations" ADD CONSTRAINT "stock_reservations_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_methods" ADD CONSTRAINT "shipping_methods_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_scope_key_index" ON "idempotency_keys" USING btree ("scope","key");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_at_index" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "stock_reservations_vendor_order_id_index" ON "stock_reservations" USING btree ("vendor_order_id");--> statement-breakpoint
CREATE INDEX "stock_reservations_active_expiry_idx" ON "stock_reservations" USING btree ("expires_at") WHERE "stock_reservations"."status" = 'active' AND "stock_reservations"."expires_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "shipping_methods_vendor_id_position_index" ON "shipping_methods" USING btree ("vendor_id","position");--> statement-breakpoint
CREATE INDEX "vendor_orders_status_created_at_index" ON "vendor_orders" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "vendor_orders" ADD CONSTRAINT "vendor_orders_number_unique" UNIQUE("number");