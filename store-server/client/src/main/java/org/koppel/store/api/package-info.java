/**
 * The high-level store API, in the manner of Kopano's Python API: {@link org.koppel.store.api.Server} leads
 * to users and groups, a user to a {@link org.koppel.store.api.Store}, a store to its well-known folders and
 * folder tree, a folder to its {@link org.koppel.store.api.Item}s. Written only against the session API
 * ({@code org.koppel.store.client}), so it works the same over the in-process engine and a remote transport.
 * Objects are thin handles: they hold a session and entry ids, and read the store when asked.
 */
package org.koppel.store.api;
