/**
 * The Email class of ActiveSync ([MS-ASEMAIL], with the AirSyncBase body and attachments of
 * [MS-ASAIRS]): an {@link org.koppel.backend.EmailItem} written as the content of a Sync or Fetch
 * ApplicationData, and a client's ApplicationData read back into the changes the backend takes.
 */
package org.koppel.eas.email;
