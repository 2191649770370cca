package org.koppel.mapi;

import static org.koppel.mapi.PropType.PT_BINARY;
import static org.koppel.mapi.PropType.PT_LONG;
import static org.koppel.mapi.PropType.PT_UNICODE;

/**
 * The properties of a rule kept as an associated message in the Inbox ([MS-OXORULE] 2.2.4, extended rules),
 * with the message class and the rule state bits (2.2.1.3.1.4).
 */
public final class RuleTags {

    /** The message class of an extended rule message. */
    public static final String MESSAGE_CLASS = "IPM.ExtendedRule.Message";
    /** The message class of a reply template ([MS-OXORULE] 2.2.9). */
    public static final String REPLY_TEMPLATE_CLASS = "IPM.Note.Rules.ReplyTemplate.Microsoft";

    public static final PropTag PR_RULE_MSG_STATE = PropTag.of(0x65E9, PT_LONG);
    public static final PropTag PR_RULE_MSG_USER_FLAGS = PropTag.of(0x65EA, PT_LONG);
    public static final PropTag PR_RULE_MSG_PROVIDER = PropTag.of(0x65EB, PT_UNICODE);
    public static final PropTag PR_RULE_MSG_NAME = PropTag.of(0x65EC, PT_UNICODE);
    public static final PropTag PR_RULE_MSG_LEVEL = PropTag.of(0x65ED, PT_LONG);
    public static final PropTag PR_RULE_MSG_PROVIDER_DATA = PropTag.of(0x65EE, PT_BINARY);
    public static final PropTag PR_RULE_MSG_SEQUENCE = PropTag.of(0x65F3, PT_LONG);
    public static final PropTag PR_EXTENDED_RULE_MSG_ACTIONS = PropTag.of(0x0E99, PT_BINARY);
    public static final PropTag PR_EXTENDED_RULE_MSG_CONDITION = PropTag.of(0x0E9A, PT_BINARY);
    /** On a reply template: the GUID an OP_REPLY action names it by. */
    public static final PropTag PR_REPLY_TEMPLATE_ID = PropTag.of(0x65C2, PT_BINARY);

    /** The rule is evaluated. */
    public static final int ST_ENABLED = 0x01;
    /** The server found an error in the rule (set when its condition cannot be evaluated). */
    public static final int ST_ERROR = 0x02;
    /** No rules with a higher sequence are evaluated after this one matched. */
    public static final int ST_EXIT_LEVEL = 0x10;
    /** The rule's condition or actions could not be parsed. */
    public static final int ST_RULE_PARSE_ERROR = 0x40;

    private RuleTags() {
    }
}
