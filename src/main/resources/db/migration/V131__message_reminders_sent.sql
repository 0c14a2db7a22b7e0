-- Deadline reminders already sent: one per recipient, kind, campaign, deadline and region, so that running the
-- reminder job again sends nothing new.
CREATE TABLE reminder_sent (
    recipient    VARCHAR(64)  NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    campaign_id  BIGINT       NOT NULL,
    deadline_no  INT          NOT NULL,
    region_code  VARCHAR(12)  NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT reminder_sent_pk PRIMARY KEY (recipient, kind, campaign_id, deadline_no, region_code)
);
