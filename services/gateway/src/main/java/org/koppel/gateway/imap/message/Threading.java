package org.koppel.gateway.imap.message;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The THREAD algorithms of RFC 5256: ORDEREDSUBJECT (section 3.1) and REFERENCES (section 3.2). */
public final class Threading {

    private Threading() {
    }

    /**
     * ORDEREDSUBJECT: messages grouped by base subject; in each group the first by sent date is the parent of the
     * others; groups ordered by the sent date of their first message.
     */
    public static List<ThreadNode> orderedSubject(List<ThreadMessage> messages) {
        List<ThreadMessage> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.comparing((ThreadMessage m) -> m.subject().key()).thenComparing(ThreadMessage::sent)
                .thenComparingLong(ThreadMessage::id));
        Map<String, List<ThreadMessage>> groups = new LinkedHashMap<>();
        for (ThreadMessage m : sorted) {
            groups.computeIfAbsent(m.subject().key(), k -> new ArrayList<>()).add(m);
        }
        List<List<ThreadMessage>> threads = new ArrayList<>(groups.values());
        threads.sort(Comparator.comparing((List<ThreadMessage> g) -> g.getFirst().sent())
                .thenComparingLong(g -> g.getFirst().id()));
        List<ThreadNode> out = new ArrayList<>();
        for (List<ThreadMessage> group : threads) {
            List<ThreadNode> children = new ArrayList<>();
            for (ThreadMessage m : group.subList(1, group.size())) {
                children.add(new ThreadNode(OptionalLong.of(m.id()), List.of()));
            }
            out.add(new ThreadNode(OptionalLong.of(group.getFirst().id()), children));
        }
        return out;
    }

    /** A message or a dummy while REFERENCES threading runs. */
    private static final class Container {
        ThreadMessage message;
        Container parent;
        final List<Container> children = new ArrayList<>();

        boolean dummy() {
            return message == null;
        }

        boolean isAncestorOf(Container other) {
            for (Container c = other; c != null; c = c.parent) {
                if (c == this) {
                    return true;
                }
            }
            return false;
        }

        void unlink() {
            if (parent != null) {
                parent.children.remove(this);
                parent = null;
            }
        }

        void adopt(Container child) {
            child.unlink();
            child.parent = this;
            children.add(child);
        }

        /** The date a container sorts by: its own, or for a dummy its first child's (children sorted first). */
        Instant sent() {
            if (message != null) {
                return message.sent();
            }
            return children.isEmpty() ? Instant.MIN : children.getFirst().sent();
        }

        long order() {
            if (message != null) {
                return message.id();
            }
            return children.isEmpty() ? Long.MAX_VALUE : children.getFirst().order();
        }

        BaseSubject subject() {
            if (message != null) {
                return message.subject();
            }
            return children.isEmpty() ? new BaseSubject("", false) : children.getFirst().subject();
        }
    }

    private static final Comparator<Container> BY_SENT = Comparator.comparing(Container::sent)
            .thenComparingLong(Container::order);

    /** REFERENCES: the six steps of RFC 5256 section 3.2 (parent/child links, dummies, subject merging). */
    public static List<ThreadNode> references(List<ThreadMessage> messages) {
        List<ThreadMessage> ordered = new ArrayList<>(messages);
        ordered.sort(Comparator.comparingLong(ThreadMessage::id));
        Map<String, Container> byId = new HashMap<>();
        List<Container> all = new ArrayList<>();
        // (1) link messages by their references
        for (ThreadMessage m : ordered) {
            Container self = null;
            if (m.messageId().isPresent()) {
                Container existing = byId.get(m.messageId().get());
                if (existing == null) {
                    self = new Container();
                    byId.put(m.messageId().get(), self);
                    all.add(self);
                } else if (existing.dummy()) {
                    self = existing; // referenced before it was seen: already in the list
                }
            }
            if (self == null) {
                self = new Container(); // no or duplicate Message-ID: a unique one nobody can reference
                all.add(self);
            }
            self.message = m;
            Container previous = null;
            for (String ref : m.references()) {
                Container c = byId.computeIfAbsent(ref, k -> {
                    Container dummy = new Container();
                    all.add(dummy);
                    return dummy;
                });
                if (previous != null && c.parent == null && previous != c && !c.isAncestorOf(previous)) {
                    previous.adopt(c);
                }
                previous = c;
            }
            self.unlink();
            if (previous != null && previous != self && !self.isAncestorOf(previous)) {
                previous.adopt(self);
            }
        }
        // (2) the root set
        List<Container> roots = new ArrayList<>();
        for (Container c : all) {
            if (c.parent == null) {
                roots.add(c);
            }
        }
        // (3) prune dummies
        roots = prune(roots);
        // (4) sort the root set by sent date
        for (Container c : roots) {
            if (c.dummy()) {
                c.children.sort(BY_SENT);
            }
        }
        roots.sort(BY_SENT);
        // (5) gather threads with the same base subject
        roots = mergeBySubject(roots);
        // (6) sort all siblings, youngest generation first
        sortTree(roots);
        return nodes(roots);
    }

    /** Step 3, bottom-up without recursion (a thread may be thousands of messages deep). */
    private static List<Container> prune(List<Container> roots) {
        List<Container> order = preOrder(roots);
        for (int i = order.size() - 1; i >= 0; i--) {
            Container parent = order.get(i);
            List<Container> kept = pruneLevel(parent.children, false);
            parent.children.clear();
            for (Container k : kept) {
                k.parent = parent;
                parent.children.add(k);
            }
        }
        List<Container> kept = pruneLevel(roots, true);
        for (Container k : kept) {
            k.parent = null;
        }
        return kept;
    }

    /** One level of step 3; the children of the containers in {@code list} are pruned already. */
    private static List<Container> pruneLevel(List<Container> list, boolean rootLevel) {
        List<Container> out = new ArrayList<>();
        for (Container c : list) {
            if (c.dummy() && c.children.isEmpty()) {
                continue;
            }
            if (c.dummy() && (!rootLevel || c.children.size() == 1)) {
                out.addAll(c.children);
                continue;
            }
            out.add(c);
        }
        return out;
    }

    /** Every container under the roots, each before its descendants. */
    private static List<Container> preOrder(List<Container> roots) {
        List<Container> order = new ArrayList<>();
        ArrayDeque<Container> stack = new ArrayDeque<>(roots);
        while (!stack.isEmpty()) {
            Container c = stack.pop();
            order.add(c);
            for (Container k : c.children) {
                stack.push(k);
            }
        }
        return order;
    }

    private static List<Container> mergeBySubject(List<Container> roots) {
        Map<String, Container> table = new HashMap<>();
        for (Container c : roots) {
            BaseSubject subject = c.subject();
            String key = subject.key();
            if (key.isEmpty()) {
                continue;
            }
            Container old = table.get(key);
            if (old == null || (!old.dummy() && (c.dummy()
                    || (old.message.subject().replyOrForward() && !subject.replyOrForward())))) {
                table.put(key, c);
            }
        }
        List<Container> out = new ArrayList<>();
        List<Container> removed = new ArrayList<>();
        for (Container c : roots) {
            if (c.parent != null) {
                continue; // already merged under a thread that comes later in the root set
            }
            String key = c.subject().key();
            Container old = key.isEmpty() ? null : table.get(key);
            if (old == null || old == c) {
                out.add(c);
                continue;
            }
            if (old.dummy() && c.dummy()) {
                for (Container k : new ArrayList<>(c.children)) {
                    old.adopt(k);
                }
                removed.add(c);
            } else if (old.dummy()) {
                old.adopt(c);
                removed.add(c);
            } else if (c.message != null && c.message.subject().replyOrForward()
                    && !old.message.subject().replyOrForward()) {
                old.adopt(c);
                removed.add(c);
            } else {
                Container dummy = new Container();
                int at = out.indexOf(old);
                dummy.adopt(old);
                dummy.adopt(c);
                table.put(key, dummy);
                if (at >= 0) {
                    out.set(at, dummy);
                } else {
                    out.add(dummy);
                }
            }
        }
        List<Container> result = new ArrayList<>();
        for (Container c : out) {
            if (!removed.contains(c) && c.parent == null) {
                result.add(c);
            }
        }
        return result;
    }

    /** Step 6: every set of siblings by sent date, the youngest generation first. */
    private static void sortTree(List<Container> roots) {
        List<Container> order = preOrder(roots);
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).children.sort(BY_SENT);
        }
        roots.sort(BY_SENT);
    }

    private static List<ThreadNode> nodes(List<Container> roots) {
        List<Container> order = preOrder(roots);
        Map<Container, ThreadNode> built = new IdentityHashMap<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            Container c = order.get(i);
            List<ThreadNode> children = new ArrayList<>(c.children.size());
            for (Container k : c.children) {
                children.add(built.remove(k));
            }
            built.put(c, new ThreadNode(c.dummy() ? OptionalLong.empty() : OptionalLong.of(c.message.id()), children));
        }
        List<ThreadNode> out = new ArrayList<>();
        for (Container c : roots) {
            out.add(built.get(c));
        }
        return out;
    }
}
