-- The ClientIds of mail a device sent (SendMail, SmartReply, SmartForward), so that a request the device
-- repeats after losing the response is answered without sending the message again. Bounded per device
-- account: rows older than the retention and all but the newest few hundred go when a new one comes.
-- state: SENDING while the request is at work (a repeat then waits), SENT once the message is queued.
CREATE TABLE eas_sent_mail (
    device_ref    BIGINT NOT NULL,
    client_id     VARCHAR(256) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    state         VARCHAR(8) NOT NULL,
    claimed_at    BIGINT NOT NULL,
    PRIMARY KEY (device_ref, client_id),
    CONSTRAINT eas_sent_mail_device FOREIGN KEY (device_ref) REFERENCES eas_device (id) ON DELETE CASCADE
);

CREATE INDEX eas_sent_mail_by_time ON eas_sent_mail (device_ref, claimed_at);
