package org.koppel.eas.gateway;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.koppel.backend.Backend;
import org.koppel.backend.BackendSession;
import org.koppel.eas.auth.BackendAuthenticator;
import org.koppel.eas.auth.LoginThrottle;
import org.koppel.eas.command.Command;
import org.koppel.eas.command.CommandHandler;
import org.koppel.eas.command.Outage;
import org.koppel.eas.foldersync.FolderCreateHandler;
import org.koppel.eas.foldersync.FolderDeleteHandler;
import org.koppel.eas.foldersync.FolderSyncHandler;
import org.koppel.eas.foldersync.FolderUpdateHandler;
import org.koppel.eas.http.EasServer;
import org.koppel.eas.http.EasServlet;
import org.koppel.eas.provision.ProvisionHandler;
import org.koppel.eas.provisioning.DevicePolicy;
import org.koppel.eas.provisioning.DeviceStatePolicyCheck;
import org.koppel.eas.state.DeviceStateStore;
import org.koppel.eas.wbxml.CodePages;

/**
 * The ActiveSync gateway put together: the HTTP layer over a backend (authentication and the commands) and
 * device state (the provisioning gate, sync keys, folder ids), listening per its configuration. The commands
 * built here are Provision and the folder hierarchy family; others are passed in as extra handlers. Closing
 * it stops the listeners (requests in flight get up to 10 s) and then closes device state; the backend
 * belongs to the caller.
 */
public final class EasGateway implements AutoCloseable {

    private final EasServer server;
    private final DeviceStateStore state;

    private EasGateway(EasServer server, DeviceStateStore state) {
        this.server = server;
        this.state = state;
    }

    /** What the handlers of other commands may need; handed to {@link HandlerFactory}. */
    public record Context(EasConfig config, Backend backend, DeviceStateStore state, CodePages pages,
            Outage outage, Clock clock) {
    }

    /** Makes the handlers of further commands (Sync, GetItemEstimate, Ping, ...) once the gateway's parts exist. */
    @FunctionalInterface
    public interface HandlerFactory {
        Map<Command, CommandHandler<BackendSession>> handlers(Context context);

        /** This factory's handlers and {@code other}'s; naming one command twice is an error at start. */
        default HandlerFactory and(HandlerFactory other) {
            Objects.requireNonNull(other, "other");
            return context -> {
                Map<Command, CommandHandler<BackendSession>> all = new EnumMap<>(Command.class);
                all.putAll(handlers(context));
                for (Map.Entry<Command, CommandHandler<BackendSession>> e : other.handlers(context).entrySet()) {
                    if (all.putIfAbsent(e.getKey(), e.getValue()) != null) {
                        throw new IllegalArgumentException(e.getKey().wireName() + " has two handlers");
                    }
                }
                return all;
            };
        }
    }

    /**
     * Builds the servlet and starts listening.
     *
     * @param state device state, owned by the gateway from now on (closed with it, also when the start fails)
     * @param extra handlers of commands the gateway does not build itself; naming one it builds is an error
     * @throws IllegalStateException naming the problem when a port is taken or the certificate is unusable
     */
    public static EasGateway start(EasConfig config, Backend backend, DeviceStateStore state, DevicePolicy policy,
            HandlerFactory extra, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(extra, "extra");
        Objects.requireNonNull(clock, "clock");
        try {
            CodePages pages = CodePages.load();
            Outage outage = new Outage(config.retryAfter());
            Map<Command, CommandHandler<BackendSession>> handlers = new EnumMap<>(Command.class);
            handlers.put(Command.PROVISION, new ProvisionHandler(state.devices(), policy, config.provisioning(), pages,
                    outage));
            handlers.put(Command.FOLDER_SYNC, new FolderSyncHandler(state.hierarchy(), pages, outage));
            handlers.put(Command.FOLDER_CREATE, new FolderCreateHandler(state.hierarchy(), pages, outage));
            handlers.put(Command.FOLDER_UPDATE, new FolderUpdateHandler(state.hierarchy(), pages, outage));
            handlers.put(Command.FOLDER_DELETE, new FolderDeleteHandler(state.hierarchy(), pages, outage));
            Map<Command, CommandHandler<BackendSession>> more = extra.handlers(
                    new Context(config, backend, state, pages, outage, clock));
            for (Map.Entry<Command, CommandHandler<BackendSession>> e : more.entrySet()) {
                if (handlers.putIfAbsent(e.getKey(), Objects.requireNonNull(e.getValue())) != null) {
                    throw new IllegalArgumentException("the gateway builds " + e.getKey().wireName() + " itself");
                }
            }
            var http = config.http();
            LoginThrottle throttle = new LoginThrottle(http.loginMaxFailures(), http.loginMaxFailuresPerAddress(),
                    http.loginFailureWindow(), clock, 100_000);
            EasServlet<BackendSession> servlet = new EasServlet<>(http,
                    new BackendAuthenticator(backend, config.retryAfter()),
                    new DeviceStatePolicyCheck(state.devices(), config.provisioning(), policy, config.retryAfter()),
                    handlers, pages, throttle);
            return new EasGateway(EasServer.start(http, servlet), state);
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
    }

    /** No further commands: Provision and the folder hierarchy only. */
    public static HandlerFactory noExtraHandlers() {
        return context -> Map.of();
    }

    /** The plain HTTP port (the one picked when configured as 0); -1 without a plain listener. */
    public int port() {
        return server.port();
    }

    /** The HTTPS port; -1 without a TLS listener. */
    public int tlsPort() {
        return server.tlsPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            state.close();
        }
    }
}
