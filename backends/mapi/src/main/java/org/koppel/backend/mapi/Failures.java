package org.koppel.backend.mapi;

import org.koppel.backend.BackendException;
import org.koppel.mapi.MapiException;

/** The one place MAPI errors become backend exceptions, so the gateway sees only the SPI's set. */
final class Failures {

    private Failures() {
    }

    static BackendException translate(MapiException e) {
        String m = e.getMessage();
        return switch (e) {
            case MapiException.LogonFailed x -> new BackendException.AuthenticationFailed(m, e);
            case MapiException.NotFound x -> new BackendException.NotFound(m, e);
            case MapiException.ObjectDeleted x -> new BackendException.NotFound(m, e);
            case MapiException.InvalidEntryId x -> new BackendException.NotFound(m, e);
            case MapiException.NoAccess x -> new BackendException.AccessDenied(m, e);
            case MapiException.Collision x -> new BackendException.AlreadyExists(m, e);
            case MapiException.InvalidSyncState x -> new BackendException.InvalidState(m, e);
            case MapiException.NoSupport x -> new BackendException.NotSupported(m, e);
            case MapiException.StoreFull x -> new BackendException.QuotaExceeded(m, e);
            case MapiException.EndOfSession x -> new BackendException.Unavailable(m, e);
            default -> new BackendException.Failed(m, e);
        };
    }
}
