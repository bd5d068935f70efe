-- A request is provisioned for a bounded number of attempts and a bounded time, counted from its creation or, once
-- an operator replayed it, from its last replay: replayed_at is when that was, attempts_at_replay its attempt count
-- then. attempts itself only ever grows, because a claim's attempt number is its fencing token: a worker's commit
-- or failure names it, and changes nothing once a later claim has taken the request over.
ALTER TABLE provisioning_requests
    ADD COLUMN replayed_at         TIMESTAMPTZ,
    ADD COLUMN attempts_at_replay  INTEGER NOT NULL DEFAULT 0;

-- Before a worker deletes a LiveKit trunk it checks that no committed trunk references it.
CREATE INDEX sip_trunks_inbound_trunk ON sip_trunks (inbound_trunk_id);
CREATE INDEX sip_trunks_outbound_trunk ON sip_trunks (outbound_trunk_id);
