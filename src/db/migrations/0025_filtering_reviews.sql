CREATE TABLE "filtering_action_reminders" (
	"action_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"step" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "filtering_action_reminders_action_id_step_pk" PRIMARY KEY("action_id","step")
);
--> statement-breakpoint
CREATE TABLE "filtering_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"done_by" uuid,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "filtering_responsibles" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"leader_id" uuid,
	"governor_id" uuid,
	"named_by" uuid,
	"named_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filtering_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"trigger" text NOT NULL,
	"incident_id" uuid,
	"participant_ids" uuid[] NOT NULL,
	"external_participants" text[] NOT NULL,
	"products" text[] NOT NULL,
	"checks" jsonb NOT NULL,
	"findings" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "filtering_action_reminders" ADD CONSTRAINT "filtering_action_reminders_action_id_filtering_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."filtering_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filtering_action_reminders" ADD CONSTRAINT "filtering_action_reminders_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filtering_actions" ADD CONSTRAINT "filtering_actions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filtering_actions" ADD CONSTRAINT "filtering_actions_review_id_filtering_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."filtering_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filtering_actions" ADD CONSTRAINT "filtering_actions_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filtering_actions" ADD CONSTRAINT "filtering_actions_done_by_people_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filtering_responsibles" ADD CONSTRAINT "filtering_responsibles_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filtering_responsibles" ADD CONSTRAINT "filtering_responsibles_leader_id_people_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filtering_responsibles" ADD CONSTRAINT "filtering_responsibles_governor_id_people_id_fk" FOREIGN KEY ("governor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filtering_responsibles" ADD CONSTRAINT "filtering_responsibles_named_by_people_id_fk" FOREIGN KEY ("named_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filtering_reviews" ADD CONSTRAINT "filtering_reviews_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filtering_reviews" ADD CONSTRAINT "filtering_reviews_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filtering_reviews" ADD CONSTRAINT "filtering_reviews_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "filtering_actions_review_idx" ON "filtering_actions" USING btree ("school_id","review_id","position");--> statement-breakpoint
CREATE INDEX "filtering_actions_open_idx" ON "filtering_actions" USING btree ("school_id","due_on") WHERE done_on IS NULL;--> statement-breakpoint
CREATE INDEX "filtering_reviews_school_idx" ON "filtering_reviews" USING btree ("school_id","reviewed_on");--> statement-breakpoint
-- Hand-written (filtering reviews, decision 019). A review records what happened on the day: it
-- is kept as written, like other evidence. Its actions may only be marked done, once.
CREATE TRIGGER filtering_reviews_insert_only BEFORE UPDATE OR DELETE ON filtering_reviews
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
--> statement-breakpoint
CREATE FUNCTION accord_filtering_action_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'filtering review actions are kept: they cannot be deleted';
  END IF;
  IF NEW.school_id <> OLD.school_id OR NEW.review_id <> OLD.review_id OR NEW.position <> OLD.position
     OR NEW.text <> OLD.text OR NEW.owner_id <> OLD.owner_id OR NEW.due_on <> OLD.due_on
     OR OLD.done_on IS NOT NULL THEN
    RAISE EXCEPTION 'a filtering review action can only be marked done, once';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER filtering_actions_fixed BEFORE UPDATE OR DELETE ON filtering_actions
  FOR EACH ROW EXECUTE FUNCTION accord_filtering_action_fixed();
--> statement-breakpoint
CREATE TRIGGER filtering_action_reminders_insert_only BEFORE UPDATE OR DELETE ON filtering_action_reminders
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_change();
