package org.koppel.gateway.imap.message;

import java.util.ArrayDeque;
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
        ArrayDeque<Object> pending = new ArrayDeque<>();
        for (ThreadNode t : threads) {
            sb.append('(');
            pending.push(t);
            // iterative: a thread may be thousands of replies deep
            while (!pending.isEmpty()) {
                Object next = pending.pop();
                if (next instanceof String text) {
                    sb.append(text);
                    continue;
                }
                ThreadNode n = (ThreadNode) next;
                if (n.id().isPresent()) {
                    sb.append(n.id().getAsLong());
                    if (!n.children().isEmpty()) {
                        sb.append(' ');
                    }
                }
                if (n.children().size() == 1) {
                    pending.push(n.children().getFirst());
                } else {
                    for (int i = n.children().size() - 1; i >= 0; i--) {
                        pending.push(")");
                        pending.push(n.children().get(i));
                        pending.push("(");
                    }
                }
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
