-- Issue 23, item 4: the row that the parts of a campaign (a county's survey, a unit's package) queue on as they end,
-- so that the last one to end sees every other one ended (CampaignService.lockForCompletion). It used to be the
-- campaign row itself, which a declaration therefore had to lock before inserting its reports (on PostgreSQL a
-- report's foreign key holds a key-share lock on the campaign row, and a later update lock deadlocked): every
-- declaration of a campaign ran one after the other. Nothing refers to this row, so it can be locked at the end of
-- the transaction, around the engine step that ends the part, and the rest of a declaration runs side by side.
CREATE TABLE campaign_part_lock (
    campaign_id BIGINT NOT NULL PRIMARY KEY REFERENCES campaign (id)
);

INSERT INTO campaign_part_lock (campaign_id) SELECT id FROM campaign;
