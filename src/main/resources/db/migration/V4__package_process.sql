-- The unit's package process, so that finding it is a key lookup instead of a search through every
-- process's variables (which took seconds per look-up with 333 units and 5,700 reports).
ALTER TABLE city_package ADD COLUMN process_instance_id VARCHAR(64);
