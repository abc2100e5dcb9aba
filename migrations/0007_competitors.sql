CREATE TYPE "public"."threat_level" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TABLE "competitor_presence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"competitor_id" uuid NOT NULL,
	"share_of_wallet" smallint,
	"products" text,
	"price_notes" text,
	"price_index" smallint,
	"threat" "threat_level" NOT NULL,
	"last_observed" date,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "competitor_presence_share" CHECK ("competitor_presence"."share_of_wallet" IS NULL OR "competitor_presence"."share_of_wallet" BETWEEN 0 AND 100),
	CONSTRAINT "competitor_presence_price_index" CHECK ("competitor_presence"."price_index" IS NULL OR "competitor_presence"."price_index" BETWEEN 1 AND 1000)
);
--> statement-breakpoint
CREATE TABLE "competitors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"website" text,
	"strengths" text,
	"weaknesses" text,
	"notes" text,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "competitor_presence" ADD CONSTRAINT "competitor_presence_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_presence" ADD CONSTRAINT "competitor_presence_competitor_id_competitors_id_fk" FOREIGN KEY ("competitor_id") REFERENCES "public"."competitors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_presence" ADD CONSTRAINT "competitor_presence_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitors" ADD CONSTRAINT "competitors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competitor_presence_account_competitor_key" ON "competitor_presence" USING btree ("account_id","competitor_id");--> statement-breakpoint
CREATE INDEX "competitor_presence_competitor_idx" ON "competitor_presence" USING btree ("competitor_id","threat");--> statement-breakpoint
CREATE UNIQUE INDEX "competitors_name_key" ON "competitors" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "competitors_name_trgm_idx" ON "competitors" USING gin ("name" gin_trgm_ops);