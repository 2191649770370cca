package org.koppel.eas.search;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendSession;
import org.koppel.backend.GlobalAddressList;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.command.Outage;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.DeviceStateException;
import org.koppel.eas.sync.ApplicationDataWriter;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Search command (MS-ASCMD 2.2.1.16): the Mailbox store through {@link MailboxSearchRunner}, the GAL
 * through the backend's {@link GlobalAddressList}; document libraries are not served (Store status 13, access
 * blocked). A request the codec refuses gets Store status 2; the overall status is 1 unless the server failed.
 */
public final class SearchHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(SearchHandler.class);
    /** The most GAL entries one search looks at (Total counts at most these). */
    static final int MAX_GAL = 1000;

    private final CodePages pages;
    private final SearchCodec codec;
    private final MailboxSearchRunner mailbox;
    private final Outage outage;

    public SearchHandler(CodePages pages, MailboxSearchRunner mailbox, Outage outage) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.codec = new SearchCodec(pages);
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.outage = Objects.requireNonNull(outage, "outage");
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        DeviceAccount account = new DeviceAccount(request.user(), request.device().id());
        ProtocolVersion version = request.version();
        SearchResponse<ApplicationDataWriter> response;
        try {
            SearchRequest search = codec.decodeRequest(new WbxmlReader(new BufferedInputStream(request.body()), pages),
                    version);
            response = new SearchResponse<>(SearchStatus.SUCCESS, Optional.of(store(account, request, search)));
        } catch (DecodeException e) {
            LOG.debug("Search of {}: {}", account, e.getMessage());
            response = new SearchResponse<>(SearchStatus.SUCCESS,
                    Optional.of(SearchResponse.Store.failed(SearchStatus.INVALID_REQUEST)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BackendException.Unavailable | DeviceStateException.StorageFailure e) {
            throw outage.of(e).orElseThrow();
        }
        SearchResponse<ApplicationDataWriter> r = response;
        return CompletableFuture.completedFuture(new CommandResponse.Wbxml(
                out -> codec.encodeResponse(new WbxmlWriter(out, pages, version), r)));
    }

    private SearchResponse.Store<ApplicationDataWriter> store(DeviceAccount account,
            CommandRequest<BackendSession> request, SearchRequest search) {
        return switch (search.storeName()) {
            case SearchRequest.MAILBOX -> mailbox(account, request.session(), search);
            case SearchRequest.GAL -> gal(request.session(), search, request.version());
            case SearchRequest.DOCUMENT_LIBRARY -> SearchResponse.Store.failed(SearchStatus.ACCESS_BLOCKED);
            default -> SearchResponse.Store.failed(SearchStatus.INVALID_REQUEST);
        };
    }

    private SearchResponse.Store<ApplicationDataWriter> mailbox(DeviceAccount account, BackendSession session,
            SearchRequest search) {
        if (search.mailbox().isEmpty()) {
            return SearchResponse.Store.failed(SearchStatus.INVALID_REQUEST);
        }
        Range range = search.options().range().orElse(Range.DEFAULT);
        MailboxSearchRunner.Outcome o = mailbox.run(account, session, search.mailbox().get(),
                search.options().deepTraversal(), range, MailboxSearchRunner.bodies(search.options()));
        if (o.status() != SearchStatus.SUCCESS) {
            return SearchResponse.Store.failed(o.status());
        }
        List<SearchResponse.Result<ApplicationDataWriter>> results = new ArrayList<>();
        for (MailboxSearchRunner.Found f : o.hits()) {
            results.add(new SearchResponse.Result<>(Optional.of("Email"), Optional.of(f.longId()), f.collectionId(),
                    Optional.of(MailboxSearchRunner.properties(f.item())), Optional.empty()));
        }
        return new SearchResponse.Store<>(SearchStatus.SUCCESS, results,
                results.isEmpty() ? Optional.empty() : Optional.of(Range.of(range.first(), results.size())),
                Optional.of(o.total()));
    }

    private SearchResponse.Store<ApplicationDataWriter> gal(BackendSession session, SearchRequest search,
            ProtocolVersion version) {
        String text = search.galQuery().orElse("").strip();
        if (text.isEmpty()) {
            return SearchResponse.Store.failed(SearchStatus.INVALID_REQUEST);
        }
        Optional<GlobalAddressList> gal = session.globalAddressList();
        if (gal.isEmpty()) {
            return SearchResponse.Store.failed(SearchStatus.ACCESS_BLOCKED);
        }
        List<GlobalAddressList.Entry> all;
        try {
            all = gal.get().find(text, MAX_GAL);
        } catch (BackendException.Unavailable e) {
            throw e;
        } catch (BackendException e) {
            return SearchResponse.Store.failed(SearchStatus.SERVER_ERROR);
        }
        Range range = search.options().range().orElse(Range.DEFAULT);
        // The directory holds no pictures: each result that asks says so (14.1+).
        Optional<PictureStatus> picture = search.options().picture().isPresent()
                && version.compareTo(ProtocolVersion.V14_1) >= 0 ? Optional.of(PictureStatus.NO_PICTURE)
                : Optional.empty();
        List<SearchResponse.Result<ApplicationDataWriter>> results = new ArrayList<>();
        for (int i = range.first(); i < all.size() && results.size() < range.size(); i++) {
            results.add(SearchResponse.Result.gal(GalProperties.of(all.get(i), picture)));
        }
        return new SearchResponse.Store<>(SearchStatus.SUCCESS, results,
                results.isEmpty() ? Optional.empty() : Optional.of(Range.of(range.first(), results.size())),
                Optional.of(all.size()));
    }
}
