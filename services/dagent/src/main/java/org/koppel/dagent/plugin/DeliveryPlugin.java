package org.koppel.dagent.plugin;

/**
 * A delivery plugin: code run by the delivery agent at three points of every delivery. Built-in plugins are
 * enabled by dagent.cfg; others are found with {@link java.util.ServiceLoader} in the jars of
 * {@code plugin_path} (a jar lists its classes in {@code META-INF/services/org.koppel.dagent.plugin.DeliveryPlugin};
 * each needs a public no-argument constructor). Plugins run in the order loaded, the built-in ones first; a
 * result other than {@link PluginResult#CONTINUE} ends that hook for the message or recipient. A plugin that
 * throws is logged and treated as RETRY_LATER, so no mail is lost to a broken plugin.
 */
public interface DeliveryPlugin {

    /** The plugin's name, for logs and replies. */
    String name();

    /**
     * Whether this plugin takes mail for an address no user has (at RCPT time); such recipients then reach
     * only the plugins' {@link #beforeDelivery} hooks, and one of them must deliver them.
     */
    default boolean accepts(String address) {
        return false;
    }

    /** Before the message is converted; the result applies to every recipient. */
    default PluginResult beforeConversion(Envelope envelope) {
        return PluginResult.CONTINUE;
    }

    /** Before one recipient's copy is routed (spam, rules) and saved; STOP_SUCCESS means the plugin delivered it. */
    default PluginResult beforeDelivery(RecipientDelivery delivery) {
        return PluginResult.CONTINUE;
    }

    /**
     * After one recipient's copy is committed. The reply stays 250 whatever this returns (a 451 now would make
     * the MTA deliver the message twice); anything but CONTINUE only skips the later plugins' hooks.
     */
    default PluginResult afterDelivery(RecipientDelivery delivery) {
        return PluginResult.CONTINUE;
    }
}
