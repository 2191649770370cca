package org.koppel.dagent.plugin;

/**
 * What a delivery plugin's hook decides, and what the agent answers for the recipients it concerns: go on
 * (CONTINUE), done and delivered (STOP_SUCCESS, LMTP 250), refused for good (STOP_FAILURE, 550 5.7.1) or not
 * now (RETRY_LATER, 451 4.3.0: the MTA keeps the message and tries again).
 */
public enum PluginResult {
    CONTINUE, STOP_SUCCESS, STOP_FAILURE, RETRY_LATER
}
