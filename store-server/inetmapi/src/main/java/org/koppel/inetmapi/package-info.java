/**
 * inetmapi: the border between the store's MAPI objects and the Internet's formats. RFC 5322 MIME to MAPI
 * messages and back, iCalendar (RFC 5545) to appointments, tasks and journal entries and back, vCard
 * (RFC 6350, and 3.0) to contacts and back. Every service that crosses that border uses this module.
 */
package org.koppel.inetmapi;
