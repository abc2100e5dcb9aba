CREATE SEQUENCE IF NOT EXISTS "complaint_reference_seq";--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS "request_reference_seq";--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS "act_reference_seq";--> statement-breakpoint
CREATE TYPE "public"."complaint_channel" AS ENUM('web', 'email', 'api', 'import');--> statement-breakpoint
CREATE TYPE "public"."complaint_status" AS ENUM('new', 'in_progress', 'waiting_client', 'resolved', 'closed');--> statement-breakpoint
CREATE TYPE "public"."sla_unit" AS ENUM('hours', 'business_days');--> statement-breakpoint
CREATE TYPE "public"."calendar_day_kind" AS ENUM('holiday', 'short', 'working');--> statement-breakpoint
CREATE TYPE "public"."request_department" AS ENUM('marketing', 'design', 'advertising', 'logistics', 'customer_service', 'finance');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('new', 'in_progress', 'waiting', 'done', 'rejected', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."act_kind" AS ENUM('return', 'refusal', 'shortage', 'mis_sort');--> statement-breakpoint
CREATE TYPE "public"."act_status" AS ENUM('draft', 'signed');--> statement-breakpoint
CREATE TYPE "public"."survey_kind" AS ENUM('complaint', 'periodic');--> statement-breakpoint
CREATE TYPE "public"."mail_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sla_targets" (
	"tier" "account_tier" NOT NULL,
	"severity" "complaint_severity" NOT NULL,
	"response_amount" integer NOT NULL,
	"response_unit" "sla_unit" NOT NULL,
	"resolution_amount" integer NOT NULL,
	"resolution_unit" "sla_unit" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_targets_tier_severity_pk" PRIMARY KEY("tier","severity"),
	CONSTRAINT "sla_targets_amounts" CHECK (response_amount > 0 AND resolution_amount > 0)
);
--> statement-breakpoint
CREATE TABLE "business_hours" (
	"weekday" smallint PRIMARY KEY NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	CONSTRAINT "business_hours_weekday" CHECK (weekday BETWEEN 1 AND 7),
	CONSTRAINT "business_hours_span" CHECK (start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute)
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" "calendar_day_kind" NOT NULL,
	"name" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "department_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text DEFAULT 'R-' || to_char(nextval('request_reference_seq'), 'FM000000') NOT NULL,
	"account_id" uuid NOT NULL,
	"department" "request_department" NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"due_date" date,
	"status" "request_status" DEFAULT 'new' NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"assignee_id" uuid,
	"sla_minutes" integer,
	"due_at" timestamp with time zone,
	"warned_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "department_requests_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "department_sla" (
	"department" "request_department" PRIMARY KEY NOT NULL,
	"amount" integer NOT NULL,
	"unit" "sla_unit" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "department_sla_amount" CHECK (amount > 0)
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_act_lines" (
	"act_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"quantity" numeric(18, 3) NOT NULL,
	"reason" "return_reason" NOT NULL,
	"note" text,
	"return_id" text,
	CONSTRAINT "service_act_lines_act_id_line_no_pk" PRIMARY KEY("act_id","line_no"),
	CONSTRAINT "service_act_lines_quantity" CHECK ("service_act_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "service_acts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text DEFAULT 'A-' || to_char(nextval('act_reference_seq'), 'FM000000') NOT NULL,
	"account_id" uuid NOT NULL,
	"order_id" text NOT NULL,
	"kind" "act_kind" NOT NULL,
	"act_date" date NOT NULL,
	"status" "act_status" DEFAULT 'draft' NOT NULL,
	"note" text,
	"prevention_note" text,
	"created_by_id" uuid,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_acts_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"contact_id" uuid,
	"email" text NOT NULL,
	"locale" "locale" NOT NULL,
	"kind" "survey_kind" NOT NULL,
	"complaint_id" uuid,
	"token_hash" text NOT NULL,
	"sent_by_id" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"score" smallint,
	"comment" text,
	CONSTRAINT "surveys_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "surveys_score" CHECK (score IS NULL OR score BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "inbound_mail" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" text NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"complaint_id" uuid,
	"outcome" text NOT NULL,
	CONSTRAINT "inbound_mail_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"kind" text NOT NULL,
	"dedupe_key" text,
	"status" "mail_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"send_after" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_outbox_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "mail_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"smtp_host" text,
	"smtp_port" integer,
	"smtp_secure" boolean DEFAULT false NOT NULL,
	"smtp_user" text,
	"smtp_password" text,
	"from_address" text,
	"from_name" text,
	"complaints_address" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid
);
--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "legal_claim_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "reference" text DEFAULT 'C-' || to_char(nextval('complaint_reference_seq'), 'FM000000') NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "channel" "complaint_channel" DEFAULT 'import' NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "status" "complaint_status" DEFAULT 'new' NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "client_locale" "locale";--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "handler_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "product_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "order_id" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "root_cause" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "corrective_action" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "resolution" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "client_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "reopen_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "response_target_minutes" integer;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "resolution_target_minutes" integer;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "response_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "resolution_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "paused_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "response_warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "response_breached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "resolution_warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "resolution_breached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "legal_claim" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "legal_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "legal_breached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "created_by_id" uuid;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD COLUMN "email_kinds" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_pauses" ADD CONSTRAINT "complaint_pauses_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_requests" ADD CONSTRAINT "department_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_requests" ADD CONSTRAINT "department_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_requests" ADD CONSTRAINT "department_requests_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_department_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."department_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_act_lines" ADD CONSTRAINT "service_act_lines_act_id_service_acts_id_fk" FOREIGN KEY ("act_id") REFERENCES "public"."service_acts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_acts" ADD CONSTRAINT "service_acts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_acts" ADD CONSTRAINT "service_acts_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_mail" ADD CONSTRAINT "inbound_mail_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_settings" ADD CONSTRAINT "mail_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_events_complaint_idx" ON "complaint_events" USING btree ("complaint_id","created_at");--> statement-breakpoint
CREATE INDEX "complaint_pauses_complaint_idx" ON "complaint_pauses" USING btree ("complaint_id","started_at");--> statement-breakpoint
CREATE INDEX "department_requests_queue_idx" ON "department_requests" USING btree ("department","status");--> statement-breakpoint
CREATE INDEX "department_requests_account_idx" ON "department_requests" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "department_requests_due_idx" ON "department_requests" USING btree ("due_at") WHERE breached_at IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "request_events_request_idx" ON "request_events" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "service_acts_account_idx" ON "service_acts" USING btree ("account_id","act_date");--> statement-breakpoint
CREATE INDEX "service_acts_order_idx" ON "service_acts" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "surveys_account_idx" ON "surveys" USING btree ("account_id","sent_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox" USING btree ("send_after") WHERE status = 'pending';--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaints_open_idx" ON "complaints" USING btree ("status") WHERE status NOT IN ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX "complaints_response_due_idx" ON "complaints" USING btree ("response_due_at") WHERE response_breached_at IS NULL AND response_due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "complaints_resolution_due_idx" ON "complaints" USING btree ("resolution_due_at") WHERE resolution_breached_at IS NULL AND resolution_due_at IS NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_reference_unique" UNIQUE("reference");
--> statement-breakpoint
-- complaints taken before the service desk: their status from their dates
UPDATE "complaints" SET "status" = CASE WHEN "resolved_at" IS NOT NULL THEN 'resolved'::complaint_status
  WHEN "first_response_at" IS NOT NULL THEN 'in_progress'::complaint_status ELSE 'new'::complaint_status END;--> statement-breakpoint
-- the working week: Monday to Friday, 09:00–18:00 in the company time zone
INSERT INTO "business_hours" ("weekday", "start_minute", "end_minute") VALUES (1, 540, 1080), (2, 540, 1080), (3, 540, 1080), (4, 540, 1080), (5, 540, 1080);--> statement-breakpoint
-- the Russian production calendar 2025–2026 as decreed (public holidays with their transfers, shortened pre-holiday days, working weekends)
-- and 2027's public holidays and pre-holiday days until its decree is out; the admin edits it
INSERT INTO "calendar_days" ("day", "kind") VALUES ('2025-01-01', 'holiday'), ('2025-01-02', 'holiday'), ('2025-01-03', 'holiday'), ('2025-01-04', 'holiday'), ('2025-01-05', 'holiday'), ('2025-01-06', 'holiday'), ('2025-01-07', 'holiday'), ('2025-01-08', 'holiday'), ('2025-05-01', 'holiday'), ('2025-05-02', 'holiday'), ('2025-05-08', 'holiday'), ('2025-05-09', 'holiday'), ('2025-06-12', 'holiday'), ('2025-06-13', 'holiday'), ('2025-11-03', 'holiday'), ('2025-11-04', 'holiday'), ('2025-12-31', 'holiday'), ('2025-02-23', 'holiday'), ('2025-03-08', 'holiday'), ('2025-03-07', 'short'), ('2025-04-30', 'short'), ('2025-06-11', 'short'), ('2025-11-01', 'working'), ('2026-01-01', 'holiday'), ('2026-01-02', 'holiday'), ('2026-01-03', 'holiday'), ('2026-01-04', 'holiday'), ('2026-01-05', 'holiday'), ('2026-01-06', 'holiday'), ('2026-01-07', 'holiday'), ('2026-01-08', 'holiday'), ('2026-01-09', 'holiday'), ('2026-02-23', 'holiday'), ('2026-03-09', 'holiday'), ('2026-05-01', 'holiday'), ('2026-05-11', 'holiday'), ('2026-06-12', 'holiday'), ('2026-11-04', 'holiday'), ('2026-12-31', 'holiday'), ('2026-04-30', 'short'), ('2026-05-08', 'short'), ('2026-06-11', 'short'), ('2026-11-03', 'short'), ('2027-01-01', 'holiday'), ('2027-01-02', 'holiday'), ('2027-01-03', 'holiday'), ('2027-01-04', 'holiday'), ('2027-01-05', 'holiday'), ('2027-01-06', 'holiday'), ('2027-01-07', 'holiday'), ('2027-01-08', 'holiday'), ('2027-02-23', 'holiday'), ('2027-03-08', 'holiday'), ('2027-05-03', 'holiday'), ('2027-05-10', 'holiday'), ('2027-06-14', 'holiday'), ('2027-11-04', 'holiday'), ('2027-02-22', 'short'), ('2027-03-05', 'short'), ('2027-04-30', 'short'), ('2027-06-11', 'short'), ('2027-11-03', 'short');--> statement-breakpoint
-- SLA defaults (D1) for every tier: critical 1 h / 1 business day, high 4 h / 3, normal 1 / 5 business days, low 2 / 10
INSERT INTO "sla_targets" ("tier", "severity", "response_amount", "response_unit", "resolution_amount", "resolution_unit")
SELECT t.tier, s.severity, s.ra, s.ru, s.za, s.zu
FROM unnest(ARRAY['key', 'potential', 'regular']::account_tier[]) AS t(tier)
CROSS JOIN (VALUES ('critical'::complaint_severity, 1, 'hours'::sla_unit, 1, 'business_days'::sla_unit),
                   ('high', 4, 'hours', 3, 'business_days'),
                   ('normal', 1, 'business_days', 5, 'business_days'),
                   ('low', 2, 'business_days', 10, 'business_days')) AS s(severity, ra, ru, za, zu);--> statement-breakpoint
-- every department answers a request within 3 business days unless the head sets otherwise
INSERT INTO "department_sla" ("department", "amount", "unit")
SELECT d, 3, 'business_days' FROM unnest(enum_range(NULL::request_department)) AS d;
