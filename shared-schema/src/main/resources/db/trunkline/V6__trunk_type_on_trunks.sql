-- A committed trunk holds every column of its definition (io.trunkline.schema.trunk.TrunkColumns), its type
-- included, like the request it was provisioned from: the trunk is read back whole without a join, and an update
-- knows whether it changes an extension or a number.
ALTER TABLE sip_trunks ADD COLUMN sip_trunk_type TEXT;

UPDATE sip_trunks t
SET sip_trunk_type = r.sip_trunk_type
FROM provisioning_requests r
WHERE r.id = t.request_id;

ALTER TABLE sip_trunks ALTER COLUMN sip_trunk_type SET NOT NULL;
