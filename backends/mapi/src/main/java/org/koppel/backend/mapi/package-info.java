/**
 * The backend SPI over the Koppel store's session API: in-process against the engine in the embedded
 * default, over MAPI-over-SOAP when the store is remote. Folder ids are folder source keys, item ids message
 * source keys (hex), backend states wrap the store's ICS sync states.
 */
package org.koppel.backend.mapi;
