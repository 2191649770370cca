-- What the Settings command keeps about a device: EnableOutboundSMS of Settings/DeviceInformation (NULL: not
-- sent), and the recovery password of Settings/DevicePassword, sealed by the gateway (AES-GCM; the key is not in
-- this database) with the time it was set.
ALTER TABLE eas_device ADD COLUMN info_enable_outbound_sms BOOLEAN;
ALTER TABLE eas_device ADD COLUMN recovery_password ${blob_type};
ALTER TABLE eas_device ADD COLUMN recovery_password_at BIGINT;
