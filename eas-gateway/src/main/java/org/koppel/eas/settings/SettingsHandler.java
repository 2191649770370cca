package org.koppel.eas.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.koppel.backend.BackendException;
import org.koppel.backend.BackendSession;
import org.koppel.backend.OutOfOffice;
import org.koppel.backend.UserDetails;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.DeviceRequest;
import org.koppel.eas.state.DeviceStateException;
import org.koppel.eas.state.Devices;
import org.koppel.eas.state.SecretSeal;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Settings command (MS-ASCMD 2.2.1.18): Oof Get and Set over the backend's out-of-office (the one the
 * delivery agent answers with), DeviceInformation and the DevicePassword into device state (the password
 * sealed), UserInformation from the backend's user, and RightsManagementInformation answered without templates
 * (IRM is not offered). A request that is not a Settings document gets Status 2; each part that fails gets its
 * own status while the others go ahead.
 */
public final class SettingsHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsHandler.class);

    private final Devices devices;
    private final SecretSeal seal;
    private final CodePages pages;
    private final SettingsCodec codec;

    public SettingsHandler(Devices devices, SecretSeal seal, CodePages pages) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.seal = Objects.requireNonNull(seal, "seal");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.codec = new SettingsCodec(pages);
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        ProtocolVersion version = request.version();
        SettingsRequest req;
        try {
            req = codec.decodeRequest(new WbxmlReader(request.body(), pages), version);
        } catch (DecodeException e) {
            LOG.debug("Settings of {} from {}: {}", request.user(), request.device().id(), e.getMessage());
            return answer(version, SettingsResponse.only(SettingsStatus.PROTOCOL_ERROR));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DeviceAccount account = new DeviceAccount(request.user(), request.device().id());
        DeviceRequest seen = new DeviceRequest(request.device().type(), request.userAgent().orElse(""),
                version.header());
        BackendSession session = request.session();
        SettingsResponse parts = new SettingsResponse(SettingsStatus.SUCCESS,
                req.oof().map(o -> oof(session, o)),
                req.devicePassword().map(p -> part("DevicePassword", () -> {
                    if (p.isEmpty() || p.length() > SettingsCodec.MAX_PASSWORD) {
                        return SettingsStatus.INVALID_ARGUMENTS;
                    }
                    devices.register(account, seen);
                    devices.setRecoveryPassword(account, seal.seal(account, p));
                    return SettingsStatus.SUCCESS;
                })),
                req.deviceInformation().map(d -> part("DeviceInformation", () -> {
                    devices.register(account, seen);
                    devices.updateInformation(account, d.toState());
                    return SettingsStatus.SUCCESS;
                })),
                req.userInformation() ? Optional.of(userInformation(session)) : Optional.empty(),
                req.rightsManagement() ? Optional.of(SettingsStatus.SUCCESS) : Optional.empty());
        return answer(version, unavailableEverywhere(parts) ? new SettingsResponse(SettingsStatus.SERVER_UNAVAILABLE,
                parts.oof(), parts.devicePassword(), parts.deviceInformation(), parts.userInformation(),
                parts.rightsManagement()) : parts);
    }

    /** When every part failed for an outage, the command as a whole says so (Status 4): try again later. */
    private static boolean unavailableEverywhere(SettingsResponse r) {
        List<SettingsStatus> statuses = new ArrayList<>();
        r.oof().ifPresent(o -> statuses.add(o.status()));
        r.devicePassword().ifPresent(statuses::add);
        r.deviceInformation().ifPresent(statuses::add);
        r.userInformation().ifPresent(u -> statuses.add(u.status()));
        r.rightsManagement().ifPresent(statuses::add);
        return statuses.stream().allMatch(s -> s == SettingsStatus.SERVER_UNAVAILABLE);
    }

    private CompletionStage<CommandResponse> answer(ProtocolVersion version, SettingsResponse response) {
        return CompletableFuture.completedFuture(new CommandResponse.Wbxml(
                out -> codec.encodeResponse(new WbxmlWriter(out, pages, version), response)));
    }

    /** A part's status when its work fails: the one place backend and device-state failures become statuses. */
    private static SettingsStatus failure(String part, RuntimeException e) {
        return switch (e) {
            case BackendException.AccessDenied x -> SettingsStatus.ACCESS_DENIED;
            case BackendException.NotSupported x -> SettingsStatus.DENIED_BY_POLICY;
            case BackendException.Unavailable x -> SettingsStatus.SERVER_UNAVAILABLE;
            case DeviceStateException.StorageFailure x -> SettingsStatus.SERVER_UNAVAILABLE;
            case BackendException x -> {
                LOG.warn("Settings {} failed: {}", part, x.toString());
                yield SettingsStatus.SERVER_UNAVAILABLE;
            }
            case DeviceStateException x -> {
                LOG.warn("Settings {} failed: {}", part, x.toString());
                yield SettingsStatus.SERVER_UNAVAILABLE;
            }
            default -> throw e;
        };
    }

    private static SettingsStatus part(String name, Supplier<SettingsStatus> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return failure(name, e);
        }
    }

    private SettingsResponse.OofResult oof(BackendSession session, SettingsRequest.Oof request) {
        try {
            Optional<OutOfOffice> oof = session.outOfOffice();
            if (oof.isEmpty()) {
                return new SettingsResponse.OofResult(SettingsStatus.DENIED_BY_POLICY, Optional.empty());
            }
            return switch (request) {
                case SettingsRequest.OofGet g -> get(oof.get(), g);
                case SettingsRequest.OofSet s -> new SettingsResponse.OofResult(set(oof.get(), s), Optional.empty());
            };
        } catch (RuntimeException e) {
            return new SettingsResponse.OofResult(failure("Oof", e), Optional.empty());
        }
    }

    private static SettingsResponse.OofResult get(OutOfOffice oof, SettingsRequest.OofGet request) {
        Optional<Boolean> html = OofValues.isHtml(request.bodyType());
        if (html.isEmpty()) {
            return new SettingsResponse.OofResult(SettingsStatus.INVALID_ARGUMENTS, Optional.empty());
        }
        OutOfOffice.Settings s = oof.get();
        String bodyType = html.get() ? "HTML" : "Text";
        List<SettingsResponse.OofMessage> messages = new ArrayList<>();
        for (OofAudience a : OofAudience.values()) {
            OutOfOffice.Reply r = reply(s, a);
            messages.add(new SettingsResponse.OofMessage(a, r.enabled(),
                    html.get() ? OofValues.html(r.text()) : r.text(), bodyType));
        }
        return new SettingsResponse.OofResult(SettingsStatus.SUCCESS, Optional.of(new SettingsResponse.OofSettings(
                s.state().ordinal(), s.start(), s.end(), messages)));
    }

    /** Applies what the Set names to the settings in force; what it leaves out stays as it is. */
    private static SettingsStatus set(OutOfOffice oof, SettingsRequest.OofSet request) {
        if (request.startTime().isPresent() != request.endTime().isPresent()) {
            // MS-ASCMD 2.2.3.176.2: both times or neither; one alone is the Oof's Status 2.
            return SettingsStatus.PROTOCOL_ERROR;
        }
        OutOfOffice.Settings current = oof.get();
        OutOfOffice.State state = current.state();
        if (request.state().isPresent()) {
            switch (request.state().get().strip()) {
                case "0" -> state = OutOfOffice.State.DISABLED;
                case "1" -> state = OutOfOffice.State.GLOBAL;
                case "2" -> state = OutOfOffice.State.TIME_BASED;
                default -> {
                    return SettingsStatus.INVALID_ARGUMENTS;
                }
            }
        }
        Optional<java.time.Instant> start = current.start();
        Optional<java.time.Instant> end = current.end();
        if (request.startTime().isPresent()) {
            start = OofValues.dateTime(request.startTime().get());
            if (start.isEmpty()) {
                return SettingsStatus.INVALID_ARGUMENTS;
            }
        }
        if (request.endTime().isPresent()) {
            end = OofValues.dateTime(request.endTime().get());
            if (end.isEmpty()) {
                return SettingsStatus.INVALID_ARGUMENTS;
            }
        }
        if (state == OutOfOffice.State.TIME_BASED && (start.isEmpty() || end.isEmpty())) {
            // Time-based with no window sent and none kept: MS-ASCMD OofState asks for state 2 when times are
            // sent, not for times with state 2, and defines no status for this. The replies go on without a
            // window (what a Get then shows as OofState 1), rather than refusing what the user switched on.
            state = OutOfOffice.State.GLOBAL;
        }
        if (state == OutOfOffice.State.TIME_BASED) {
            if (!start.get().isBefore(end.get())) {
                return SettingsStatus.CONFLICTING_ARGUMENTS;
            }
        } else if (start.isPresent() != end.isPresent()
                || start.isPresent() && !start.get().isBefore(end.get())) {
            // a window that is not a window: kept only when it is one
            start = Optional.empty();
            end = Optional.empty();
        }
        Map<OofAudience, OutOfOffice.Reply> replies = new EnumMap<>(OofAudience.class);
        for (OofAudience a : OofAudience.values()) {
            replies.put(a, reply(current, a));
        }
        for (SettingsRequest.OofMessageSet m : request.messages()) {
            OutOfOffice.Reply was = replies.get(m.audience());
            boolean enabled = was.enabled();
            if (m.enabled().isPresent()) {
                Optional<Boolean> on = OofValues.flag(m.enabled().get());
                if (on.isEmpty()) {
                    return SettingsStatus.INVALID_ARGUMENTS;
                }
                enabled = on.get();
            }
            String text = was.text();
            if (m.replyMessage().isPresent()) {
                // MS-ASCMD 2.2.3.17: BodyType is required beside a ReplyMessage.
                Optional<Boolean> html = m.bodyType().flatMap(OofValues::isHtml);
                if (html.isEmpty()) {
                    return SettingsStatus.INVALID_ARGUMENTS;
                }
                text = html.get() ? OofValues.text(m.replyMessage().get()) : m.replyMessage().get();
            } else if (m.bodyType().isPresent() && OofValues.isHtml(m.bodyType().get()).isEmpty()) {
                return SettingsStatus.INVALID_ARGUMENTS;
            }
            replies.put(m.audience(), new OutOfOffice.Reply(enabled, text));
        }
        oof.set(new OutOfOffice.Settings(state, start, end, replies.get(OofAudience.INTERNAL),
                replies.get(OofAudience.EXTERNAL_KNOWN), replies.get(OofAudience.EXTERNAL_UNKNOWN)));
        return SettingsStatus.SUCCESS;
    }

    private static OutOfOffice.Reply reply(OutOfOffice.Settings s, OofAudience a) {
        return switch (a) {
            case INTERNAL -> s.internal();
            case EXTERNAL_KNOWN -> s.externalKnown();
            case EXTERNAL_UNKNOWN -> s.externalUnknown();
        };
    }

    private static SettingsResponse.UserInformationResult userInformation(BackendSession session) {
        try {
            UserDetails u = session.user();
            Set<String> addresses = new LinkedHashSet<>();
            if (!u.primaryEmail().isEmpty()) {
                addresses.add(u.primaryEmail());
            }
            addresses.addAll(u.aliases());
            return new SettingsResponse.UserInformationResult(SettingsStatus.SUCCESS, Optional.of(
                    new SettingsResponse.User(u.displayName() == null ? "" : u.displayName(), u.primaryEmail(),
                            List.copyOf(addresses))));
        } catch (RuntimeException e) {
            return new SettingsResponse.UserInformationResult(failure("UserInformation", e), Optional.empty());
        }
    }
}
