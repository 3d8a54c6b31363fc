CREATE TABLE "report_mailings" (
	"school_id" uuid NOT NULL,
	"report" text NOT NULL,
	"term" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_mailings_school_id_report_term_pk" PRIMARY KEY("school_id","report","term")
);
--> statement-breakpoint
ALTER TABLE "report_mailings" ADD CONSTRAINT "report_mailings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;