CREATE TYPE "public"."account_channel" AS ENUM('b2b', 'b2c', 'ecommerce', 'retail');--> statement-breakpoint
CREATE TYPE "public"."account_status" AS ENUM('prospect', 'active', 'at_risk', 'lost');--> statement-breakpoint
CREATE TYPE "public"."account_tier" AS ENUM('key', 'potential', 'regular');--> statement-breakpoint
CREATE TYPE "public"."account_team_role" AS ENUM('senior_kam', 'junior_kam', 'sales_support', 'department_contact', 'other');--> statement-breakpoint
CREATE TYPE "public"."attitude" AS ENUM('supporter', 'neutral', 'opponent');--> statement-breakpoint
CREATE TYPE "public"."buying_role" AS ENUM('decision_maker', 'economic_buyer', 'influencer', 'champion', 'user', 'gatekeeper');--> statement-breakpoint
CREATE TABLE "account_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account_owners" (
	"account_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"owner_id" uuid NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_owners_account_id_start_date_pk" PRIMARY KEY("account_id","start_date")
);
--> statement-breakpoint
CREATE TABLE "account_team" (
	"account_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "account_team_role" NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_team_account_id_user_id_pk" PRIMARY KEY("account_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "account_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"columns" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"legal_name" text,
	"registration_no" text,
	"tier" "account_tier" DEFAULT 'regular' NOT NULL,
	"status" "account_status" DEFAULT 'active' NOT NULL,
	"lost_date" date,
	"lost_reason" text,
	"lost_to_competitor_id" uuid,
	"owner_id" uuid,
	"channel" "account_channel",
	"segment" text,
	"industry" text,
	"region" text,
	"city" text,
	"address" text,
	"website" text,
	"phone" text,
	"currency" text NOT NULL,
	"credit_limit" numeric(18, 2),
	"payment_terms_days" integer,
	"price_column" text,
	"source" text,
	"next_step" text,
	"score" numeric(5, 2),
	"last_contact_at" timestamp with time zone,
	"plan_updated_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "accounts_lost_has_date" CHECK ("accounts"."status" <> 'lost' OR "accounts"."lost_date" IS NOT NULL),
	CONSTRAINT "accounts_payment_terms" CHECK ("accounts"."payment_terms_days" IS NULL OR "accounts"."payment_terms_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"account_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"title" text,
	"email" text,
	"phone" text,
	"buying_role" "buying_role",
	"influence" smallint,
	"attitude" "attitude",
	"relationship_strength" smallint,
	"relation_owner_id" uuid,
	"reports_to_id" uuid,
	"last_contact_on" date,
	"notes" text,
	"map_x" real,
	"map_y" real,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "contacts_influence" CHECK ("contacts"."influence" IS NULL OR "contacts"."influence" BETWEEN 1 AND 5),
	CONSTRAINT "contacts_strength" CHECK ("contacts"."relationship_strength" IS NULL OR "contacts"."relationship_strength" BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_owners" ADD CONSTRAINT "account_owners_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_owners" ADD CONSTRAINT "account_owners_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_owners" ADD CONSTRAINT "account_owners_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_team" ADD CONSTRAINT "account_team_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_team" ADD CONSTRAINT "account_team_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_views" ADD CONSTRAINT "account_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_relation_owner_id_users_id_fk" FOREIGN KEY ("relation_owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_reports_to_id_contacts_id_fk" FOREIGN KEY ("reports_to_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_events_account_idx" ON "account_events" USING btree ("account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "account_owners_owner_idx" ON "account_owners" USING btree ("owner_id","start_date");--> statement-breakpoint
CREATE INDEX "account_team_user_idx" ON "account_team" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "account_views_user_idx" ON "account_views" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "accounts_name_idx" ON "accounts" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "accounts_updated_idx" ON "accounts" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "accounts_tier_status_idx" ON "accounts" USING btree ("tier","status");--> statement-breakpoint
CREATE INDEX "accounts_name_trgm_idx" ON "accounts" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "accounts_registration_trgm_idx" ON "accounts" USING gin ("registration_no" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "accounts_city_trgm_idx" ON "accounts" USING gin ("city" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_account_idx" ON "contacts" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "contacts_name_trgm_idx" ON "contacts" USING gin ("full_name" gin_trgm_ops);