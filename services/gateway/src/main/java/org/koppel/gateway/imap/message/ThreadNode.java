package org.koppel.gateway.imap.message;

import java.util.List;
import java.util.OptionalLong;

/**
 * A node of a THREAD response: a message, or a dummy standing for a missing parent, and its replies in order.
 */
public record ThreadNode(OptionalLong id, List<ThreadNode> children) {

    public ThreadNode {
        children = List.copyOf(children);
    }

    /** The thread-list data of a THREAD response for these threads, {@code (2)(3 6 (4 23)(44 7 96))}. */
    public static String encode(List<ThreadNode> threads) {
        StringBuilder sb = new StringBuilder();
        for (ThreadNode t : threads) {
            sb.append('(');
            t.members(sb);
            sb.append(')');
        }
        return sb.toString();
    }

    private void members(StringBuilder sb) {
        if (id.isPresent()) {
            sb.append(id.getAsLong());
        }
        if (children.size() == 1) {
            if (id.isPresent()) {
                sb.append(' ');
            }
            children.getFirst().members(sb);
        } else if (children.size() > 1) {
            if (id.isPresent()) {
                sb.append(' ');
            }
            for (ThreadNode child : children) {
                sb.append('(');
                child.members(sb);
                sb.append(')');
            }
        }
    }
}
