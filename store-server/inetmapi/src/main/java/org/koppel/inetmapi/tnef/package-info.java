/**
 * TNEF (winmail.dat, application/ms-tnef, [MS-OXTNEF]) to MAPI: {@link org.koppel.inetmapi.tnef.TnefReader}
 * decodes a stream into a {@link org.koppel.inetmapi.tnef.TnefMessage} (properties, named properties,
 * recipients, attachments with spooled data, embedded messages), and
 * {@link org.koppel.inetmapi.tnef.TnefMessage#toContent} turns it into the pieces of a MAPI message. The
 * compressed RTF body ([MS-OXRTFCP]) is read by {@link org.koppel.inetmapi.tnef.CompressedRtf} and HTML or
 * text encapsulated in it ([MS-OXRTFEX]) by {@link org.koppel.inetmapi.tnef.EncapsulatedRtf}.
 */
package org.koppel.inetmapi.tnef;
