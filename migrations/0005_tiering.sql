CREATE TYPE "public"."plan_need_status" AS ENUM('open', 'in_progress', 'met', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."plan_opportunity_kind" AS ENUM('upsell', 'cross_sell', 'new_product', 'renewal');--> statement-breakpoint
CREATE TYPE "public"."plan_opportunity_status" AS ENUM('open', 'won', 'lost');--> statement-breakpoint
CREATE TYPE "public"."plan_solution_status" AS ENUM('proposed', 'agreed', 'delivered');--> statement-breakpoint
CREATE TYPE "public"."plan_swot_quadrant" AS ENUM('strength', 'weakness', 'opportunity', 'threat');--> statement-breakpoint
CREATE TYPE "public"."retier_direction" AS ENUM('promote', 'demote');--> statement-breakpoint
CREATE TYPE "public"."retier_proposal_status" AS ENUM('pending', 'approved', 'rejected', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."retier_run_kind" AS ENUM('manual', 'monthly');--> statement-breakpoint
CREATE TYPE "public"."scoring_criterion" AS ENUM('revenue_loyalty', 'large_interested', 'growth_potential', 'brand_authority', 'industry_expert', 'early_adopter', 'creditworthy_prospect');--> statement-breakpoint
CREATE TABLE "account_plans" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"business_goals" text,
	"next_review_date" date,
	"last_reviewed_at" timestamp with time zone,
	"last_reviewed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "plan_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"deadline" date NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_goals_progress" CHECK ("plan_goals"."progress" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "plan_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"detail" text,
	"status" "plan_need_status" DEFAULT 'open' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"kind" "plan_opportunity_kind" NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"probability" smallint NOT NULL,
	"expected_close_date" date,
	"status" "plan_opportunity_status" DEFAULT 'open' NOT NULL,
	"notes" text,
	CONSTRAINT "plan_opportunities_probability" CHECK ("plan_opportunities"."probability" BETWEEN 0 AND 100),
	CONSTRAINT "plan_opportunities_amount" CHECK ("plan_opportunities"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "plan_solutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"status" "plan_solution_status" DEFAULT 'proposed' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_swot_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"quadrant" "plan_swot_quadrant" NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account_criteria" (
	"account_id" uuid NOT NULL,
	"criterion" "scoring_criterion" NOT NULL,
	"value" smallint NOT NULL,
	"comment" text,
	CONSTRAINT "account_criteria_account_id_criterion_pk" PRIMARY KEY("account_id","criterion"),
	CONSTRAINT "account_criteria_range" CHECK ("account_criteria"."value" BETWEEN 0 AND 5)
);
--> statement-breakpoint
CREATE TABLE "account_scorecards" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retier_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"from_tier" "account_tier" NOT NULL,
	"to_tier" "account_tier" NOT NULL,
	"direction" "retier_direction" NOT NULL,
	"score" numeric(5, 2) NOT NULL,
	"status" "retier_proposal_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "retier_proposals_changes" CHECK ("retier_proposals"."from_tier" <> "retier_proposals"."to_tier")
);
--> statement-breakpoint
CREATE TABLE "retier_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "retier_run_kind" NOT NULL,
	"period" text,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"superseded" integer DEFAULT 0 NOT NULL,
	"kept" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "retier_runs_kind_period" UNIQUE("kind","period")
);
--> statement-breakpoint
CREATE TABLE "scoring_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"key_threshold" smallint NOT NULL,
	"potential_threshold" smallint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scoring_settings_single_row" CHECK ("scoring_settings"."id" = 1),
	CONSTRAINT "scoring_settings_thresholds" CHECK (0 <= "scoring_settings"."potential_threshold" AND "scoring_settings"."potential_threshold" < "scoring_settings"."key_threshold" AND "scoring_settings"."key_threshold" <= 100)
);
--> statement-breakpoint
CREATE TABLE "scoring_weights" (
	"criterion" "scoring_criterion" PRIMARY KEY NOT NULL,
	"weight" smallint NOT NULL,
	CONSTRAINT "scoring_weights_range" CHECK ("scoring_weights"."weight" BETWEEN 0 AND 100)
);
--> statement-breakpoint
ALTER TABLE "account_plans" ADD CONSTRAINT "account_plans_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_plans" ADD CONSTRAINT "account_plans_last_reviewed_by_users_id_fk" FOREIGN KEY ("last_reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_plans" ADD CONSTRAINT "account_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_needs" ADD CONSTRAINT "plan_needs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_opportunities" ADD CONSTRAINT "plan_opportunities_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_solutions" ADD CONSTRAINT "plan_solutions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_swot_items" ADD CONSTRAINT "plan_swot_items_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_criteria" ADD CONSTRAINT "account_criteria_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_scorecards" ADD CONSTRAINT "account_scorecards_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_scorecards" ADD CONSTRAINT "account_scorecards_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retier_proposals" ADD CONSTRAINT "retier_proposals_run_id_retier_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."retier_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retier_proposals" ADD CONSTRAINT "retier_proposals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retier_proposals" ADD CONSTRAINT "retier_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retier_runs" ADD CONSTRAINT "retier_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_settings" ADD CONSTRAINT "scoring_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_goals_account_idx" ON "plan_goals" USING btree ("account_id","position");--> statement-breakpoint
CREATE INDEX "plan_needs_account_idx" ON "plan_needs" USING btree ("account_id","position");--> statement-breakpoint
CREATE INDEX "plan_opportunities_account_idx" ON "plan_opportunities" USING btree ("account_id","position");--> statement-breakpoint
CREATE INDEX "plan_solutions_account_idx" ON "plan_solutions" USING btree ("account_id","position");--> statement-breakpoint
CREATE INDEX "plan_swot_items_account_idx" ON "plan_swot_items" USING btree ("account_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "retier_proposals_one_pending" ON "retier_proposals" USING btree ("account_id") WHERE "retier_proposals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "retier_proposals_status_idx" ON "retier_proposals" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "retier_proposals_account_idx" ON "retier_proposals" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "retier_runs_started_idx" ON "retier_runs" USING btree ("started_at");