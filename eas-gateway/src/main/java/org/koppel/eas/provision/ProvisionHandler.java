package org.koppel.eas.provision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.koppel.backend.BackendSession;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.CommandRequest;
import org.koppel.eas.command.CommandResponse;
import org.koppel.eas.command.CommonStatus;
import org.koppel.eas.command.Outage;
import org.koppel.eas.provisioning.DevicePolicy;
import org.koppel.eas.provisioning.ProvisioningMode;
import org.koppel.eas.state.Device;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.DeviceRequest;
import org.koppel.eas.state.DeviceStateException;
import org.koppel.eas.state.Devices;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Provision command ([MS-ASPROV] 3.2.5.1): phase one hands out the policy with a temporary key, phase two
 * takes the device's acknowledgement of that key and hands out the key in force; a device with a remote wipe
 * pending gets the wipe directive instead, and its acknowledgement of the wipe is recorded. Device
 * information (14.1 and later) is kept for the administrator.
 */
public final class ProvisionHandler implements CommandHandler<BackendSession> {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionHandler.class);

    private final Devices devices;
    private final DevicePolicy policy;
    private final ProvisioningMode mode;
    private final ProvisionCodec codec;
    private final CodePages pages;
    private final Outage outage;

    public ProvisionHandler(Devices devices, DevicePolicy policy, ProvisioningMode mode, CodePages pages,
            Outage outage) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.outage = Objects.requireNonNull(outage, "outage");
        this.codec = new ProvisionCodec(pages);
    }

    @Override
    public CompletionStage<CommandResponse> handle(CommandRequest<BackendSession> request) {
        try {
            return CompletableFuture.completedFuture(provision(request));
        } catch (RuntimeException e) {
            Optional<? extends RuntimeException> unavailable = outage.of(e);
            if (unavailable.isPresent()) {
                throw unavailable.get();
            }
            throw e;
        }
    }

    private CommandResponse provision(CommandRequest<BackendSession> request) {
        ProtocolVersion version = request.version();
        ProvisionRequest req;
        try {
            req = codec.decodeRequest(new WbxmlReader(request.body(), pages), version);
        } catch (DecodeException e) {
            LOG.debug("Provision of {} from {}: {}", request.user(), request.device().id(), e.getMessage());
            return answer(version, failed(ProvisionStatus.PROTOCOL_ERROR));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DeviceAccount account = new DeviceAccount(request.user(), request.device().id());
        Device registered = devices.register(account, new DeviceRequest(request.device().type(),
                request.userAgent().orElse(""), version.header()));
        // Provision is rare and decides on wipe and block: read what the database holds now, not this node's
        // cached copy, or a wipe an administrator requested through another process could be missed.
        Device device = devices.findFresh(account).orElse(registered);
        if (device.blocked()) {
            return new CommandResponse.Status(CommonStatus.DEVICE_BLOCKED_FOR_USER);
        }
        Optional<ProvisionResponse.DeviceInformationStatus> infoStatus = Optional.empty();
        if (req.deviceInformation().isPresent()) {
            devices.updateInformation(account, req.deviceInformation().get().toState());
            infoStatus = Optional.of(ProvisionResponse.DeviceInformationStatus.SUCCESS);
        }

        if (req.remoteWipe().isPresent()) {
            return answer(version, acknowledgeWipe(account, req.remoteWipe().get(), infoStatus));
        }
        if (device.wipe().wipeDue()) {
            // Whatever the device asked for, it gets the wipe directive (MS-ASPROV 3.2.5.1.2.1).
            devices.wipeSent(account);
            LOG.info("Remote wipe sent to {} ({})", account, request.device().type());
            return answer(version, new ProvisionResponse(infoStatus, ProvisionStatus.SUCCESS, Optional.empty(), true));
        }
        if (req.policy().isEmpty()) {
            return answer(version, new ProvisionResponse(infoStatus, ProvisionStatus.PROTOCOL_ERROR, Optional.empty(),
                    false));
        }
        ProvisionRequest.Policy asked = req.policy().get();
        if (asked.policyKey().isEmpty()) {
            return answer(version, download(account, infoStatus));
        }
        return acknowledge(account, asked, infoStatus, version);
    }

    /** Phase one: the settings with a temporary key, the key in force left as it is until phase two. */
    private ProvisionResponse download(DeviceAccount account,
            Optional<ProvisionResponse.DeviceInformationStatus> infoStatus) {
        long temporary = devices.beginProvisioning(account, policy.hash());
        // A 12.x device asking for the WAP document of 2.5 still gets the WBXML one: it is the only form
        // these versions define (MS-ASPROV 2.2.2.43), and Koppel does not speak 2.5.
        return new ProvisionResponse(infoStatus, ProvisionStatus.SUCCESS, Optional.of(new ProvisionResponse.Policy(
                PolicyType.WBXML, ProvisionResponse.PolicyStatus.SUCCESS, Optional.of(Long.toString(temporary)),
                Optional.of(policy.settings()))), false);
    }

    /** Phase two: the device says whether it applied the policy, with the temporary key. */
    private CommandResponse acknowledge(DeviceAccount account, ProvisionRequest.Policy asked,
            Optional<ProvisionResponse.DeviceInformationStatus> infoStatus, ProtocolVersion version) {
        ProvisionRequest.AckStatus applied = asked.status().orElse(ProvisionRequest.AckStatus.APPLIED);
        if (mode == ProvisioningMode.REQUIRED && applied != ProvisionRequest.AckStatus.APPLIED) {
            LOG.info("{} did not apply the policy (status {}); provisioning is required", account, applied.code());
            if (version.compareTo(ProtocolVersion.V14_0) < 0) {
                // 139 and 145 are not known before 14.0; 403 is what those clients take as "not allowed".
                return new CommandResponse.Http(403);
            }
            // MS-ASPROV 3.1.5.2: 145 for a device that says a third party provisioned it (client status 4),
            // 139 for one that applied the policy partly or not at all (2, 3).
            ProvisionStatus refused = applied == ProvisionRequest.AckStatus.THIRD_PARTY
                    ? ProvisionStatus.EXTERNALLY_MANAGED_DEVICES_NOT_ALLOWED
                    : ProvisionStatus.DEVICE_NOT_FULLY_PROVISIONABLE;
            return answer(version, new ProvisionResponse(infoStatus, refused, Optional.empty(), false));
        }
        OptionalLong key = parseKey(asked.policyKey().get());
        OptionalLong finalKey = key.isPresent() ? devices.completeProvisioning(account, key.getAsLong())
                : OptionalLong.empty();
        if (finalKey.isEmpty()) {
            return answer(version, new ProvisionResponse(infoStatus, ProvisionStatus.SUCCESS, Optional.of(
                    new ProvisionResponse.Policy(PolicyType.WBXML, ProvisionResponse.PolicyStatus.WRONG_POLICY_KEY,
                            Optional.empty(), Optional.empty())), false));
        }
        LOG.info("{} provisioned (policy {}, acknowledged with status {})", account, policy.hash(), applied.code());
        return answer(version, new ProvisionResponse(infoStatus, ProvisionStatus.SUCCESS, Optional.of(
                new ProvisionResponse.Policy(PolicyType.WBXML, ProvisionResponse.PolicyStatus.SUCCESS,
                        Optional.of(Long.toUnsignedString(finalKey.getAsLong())), Optional.empty())), false));
    }

    /** MS-ASPROV 3.2.5.1.2.2: success is recorded; a failed wipe is answered with the directive again. */
    private ProvisionResponse acknowledgeWipe(DeviceAccount account, ProvisionRequest.WipeStatus status,
            Optional<ProvisionResponse.DeviceInformationStatus> infoStatus) {
        if (status == ProvisionRequest.WipeStatus.FAILED) {
            LOG.warn("{} reports that its remote wipe failed; sending the directive again", account);
            return new ProvisionResponse(infoStatus, ProvisionStatus.PROTOCOL_ERROR, Optional.empty(), true);
        }
        try {
            devices.wipeAcknowledged(account);
        } catch (DeviceStateException.InvalidTransition e) {
            LOG.warn("{} acknowledges a remote wipe that was never sent", account);
            return new ProvisionResponse(infoStatus, ProvisionStatus.PROTOCOL_ERROR, Optional.empty(), false);
        }
        return new ProvisionResponse(infoStatus, ProvisionStatus.SUCCESS, Optional.empty(), false);
    }

    private static OptionalLong parseKey(String text) {
        try {
            long key = Long.parseLong(text.strip());
            return key > 0 && key <= 0xFFFF_FFFFL ? OptionalLong.of(key) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static ProvisionResponse failed(ProvisionStatus status) {
        return new ProvisionResponse(Optional.empty(), status, Optional.empty(), false);
    }

    private CommandResponse answer(ProtocolVersion version, ProvisionResponse response) {
        return new CommandResponse.Wbxml(out -> codec.encodeResponse(new WbxmlWriter(out, pages, version), response));
    }
}
