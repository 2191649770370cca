package org.koppel.mapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary properties of an extended rule message ([MS-OXORULE] 2.2.4): PidTagExtendedRuleMessageCondition
 * (NamedPropertyInformation then a restriction) and PidTagExtendedRuleMessageActions (NamedPropertyInformation,
 * RuleVersion 1, then the RuleAction buffer of 2.2.5 with 4-byte counts). The named-property information
 * carries the name of every named property id used, so a reader in another store can map them to its own ids.
 */
public final class ExtendedRuleWire {

    /** The only RuleVersion MS-OXORULE defines. */
    public static final int RULE_VERSION = 1;
    /** Most actions in one rule. */
    public static final int MAX_ACTIONS = 256;

    static final int OP_MOVE = 0x01;
    static final int OP_COPY = 0x02;
    static final int OP_REPLY = 0x03;
    static final int OP_FORWARD = 0x07;
    static final int OP_TAG = 0x09;
    static final int OP_DELETE = 0x0A;
    static final int OP_MARK_AS_READ = 0x0B;

    private static final int MNID_ID = 0x00;
    private static final int MNID_STRING = 0x01;

    /** A decoded value and the names of the named-property ids it uses. */
    public record Decoded<T>(T value, Map<Integer, NamedProperty> names) {
        public Decoded {
            names = Map.copyOf(names);
        }
    }

    private ExtendedRuleWire() {
    }

    public static byte[] encodeCondition(Restriction condition, Map<Integer, NamedProperty> names) {
        Restriction.validate(condition, RestrictionWire.MAX_DEPTH);
        WireWriter out = new WireWriter();
        names(out, names);
        RestrictionWire.write(out, condition);
        return out.toByteArray();
    }

    public static Decoded<Restriction> decodeCondition(byte[] data) {
        WireReader in = new WireReader(data);
        Map<Integer, NamedProperty> names = names(in);
        Restriction r = RestrictionWire.read(in, 1, new int[1]);
        end(in);
        return new Decoded<>(r, names);
    }

    public static byte[] encodeActions(List<RuleAction> actions, Map<Integer, NamedProperty> names) {
        if (actions.size() > MAX_ACTIONS) {
            throw new MapiException.TooComplex("more than " + MAX_ACTIONS + " actions");
        }
        WireWriter out = new WireWriter();
        names(out, names);
        out.u32(RULE_VERSION);
        out.u32(actions.size());
        for (RuleAction a : actions) {
            WireWriter block = new WireWriter();
            action(block, a);
            byte[] b = block.toByteArray();
            out.u32(b.length);
            out.bytes(b);
        }
        return out.toByteArray();
    }

    public static Decoded<List<RuleAction>> decodeActions(byte[] data) {
        WireReader in = new WireReader(data);
        Map<Integer, NamedProperty> names = names(in);
        int version = in.u32();
        if (version != RULE_VERSION) {
            throw new MapiException.CorruptData("rule version " + version + " is not 1");
        }
        int n = in.count(9);
        if (n > MAX_ACTIONS) {
            throw new MapiException.TooComplex("more than " + MAX_ACTIONS + " actions");
        }
        List<RuleAction> actions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            WireReader block = new WireReader(in.counted());
            actions.add(action(block));
            end(block);
        }
        end(in);
        return new Decoded<>(List.copyOf(actions), names);
    }

    // --- actions: ActionType, ActionFlavor, ActionFlags, ActionData (the ActionLength is written by the caller)

    private static void action(WireWriter out, RuleAction a) {
        switch (a) {
            case RuleAction.Move m -> folderAction(out, OP_MOVE, m.store(), m.folder());
            case RuleAction.Copy c -> folderAction(out, OP_COPY, c.store(), c.folder());
            case RuleAction.Reply r -> {
                header(out, OP_REPLY, r.flavor());
                out.counted(r.template().bytes());
                out.bytes(r.templateGuid().toBytes());
            }
            case RuleAction.Forward f -> {
                header(out, OP_FORWARD, f.flavor());
                out.u32(f.recipients().size());
                for (List<PropValue> recipient : f.recipients()) {
                    out.u8(1); // Reserved, MUST be 0x01
                    out.u32(recipient.size());
                    recipient.forEach(out::tagged);
                }
            }
            case RuleAction.Tag t -> {
                header(out, OP_TAG, 0);
                out.tagged(t.value());
            }
            case RuleAction.Delete d -> header(out, OP_DELETE, 0);
            case RuleAction.MarkAsRead m -> header(out, OP_MARK_AS_READ, 0);
        }
    }

    private static void header(WireWriter out, int type, int flavor) {
        out.u8(type);
        out.u32(flavor);
        out.u32(0); // ActionFlags: MUST be 0 on the server
    }

    private static void folderAction(WireWriter out, int type, EntryId store, EntryId folder) {
        header(out, type, 0);
        out.counted(store.bytes());
        out.counted(folder.bytes());
    }

    private static RuleAction action(WireReader in) {
        int type = in.u8();
        int flavor = in.u32();
        in.u32(); // ActionFlags
        try {
            return switch (type) {
                case OP_MOVE -> new RuleAction.Move(entryId(in), entryId(in));
                case OP_COPY -> new RuleAction.Copy(entryId(in), entryId(in));
                case OP_REPLY -> new RuleAction.Reply(entryId(in), Guid.fromBytes(in.bytes(16)), flavor);
                case OP_FORWARD -> {
                    int n = in.count(5);
                    List<List<PropValue>> recipients = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        in.u8(); // Reserved
                        int props = in.count(5);
                        List<PropValue> values = new ArrayList<>(props);
                        for (int j = 0; j < props; j++) {
                            values.add(in.tagged());
                        }
                        recipients.add(values);
                    }
                    yield new RuleAction.Forward(recipients, flavor);
                }
                case OP_TAG -> new RuleAction.Tag(in.tagged());
                case OP_DELETE -> new RuleAction.Delete();
                case OP_MARK_AS_READ -> new RuleAction.MarkAsRead();
                default -> throw new MapiException.NoSupport("rule action type " + type + " is not supported");
            };
        } catch (MapiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MapiException.CorruptData("damaged rule action: " + e.getMessage());
        }
    }

    private static EntryId entryId(WireReader in) {
        byte[] b = in.counted();
        return EntryId.tryParse(b).orElseThrow(() -> new MapiException.CorruptData("not a Koppel entry id"));
    }

    // --- NamedPropertyInformation (2.2.4.2) with PropertyName structures ([MS-OXCDATA] 2.6.1)

    private static void names(WireWriter out, Map<Integer, NamedProperty> names) {
        out.u16(names.size());
        WireWriter body = new WireWriter();
        for (Map.Entry<Integer, NamedProperty> e : names.entrySet()) {
            out.u16(e.getKey());
            switch (e.getValue()) {
                case NamedProperty.ById id -> {
                    body.u8(MNID_ID);
                    body.bytes(id.propertySet().toBytes());
                    body.u32(id.lid());
                }
                case NamedProperty.ByName n -> {
                    byte[] utf16 = n.name().getBytes(StandardCharsets.UTF_16LE);
                    if (utf16.length > 255) {
                        throw new MapiException.TooComplex("named property name too long for a rule: " + n.name());
                    }
                    body.u8(MNID_STRING);
                    body.bytes(n.propertySet().toBytes());
                    body.u8(utf16.length);
                    body.bytes(utf16);
                }
            }
        }
        out.counted(body.toByteArray());
    }

    private static Map<Integer, NamedProperty> names(WireReader in) {
        int n = in.u16();
        List<Integer> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(in.u16());
        }
        WireReader body = new WireReader(in.counted());
        Map<Integer, NamedProperty> names = new LinkedHashMap<>();
        for (int id : ids) {
            int kind = body.u8();
            Guid set = Guid.fromBytes(body.bytes(16));
            NamedProperty name = switch (kind) {
                case MNID_ID -> NamedProperty.id(set, body.u32());
                case MNID_STRING -> NamedProperty.name(set, new String(body.bytes(body.u8()), StandardCharsets.UTF_16LE));
                default -> throw new MapiException.CorruptData("named property kind " + kind);
            };
            names.put(id, name);
        }
        end(body);
        return names;
    }

    private static void end(WireReader in) {
        if (in.remaining() > 0) {
            throw new MapiException.CorruptData(in.remaining() + " bytes left over in a rule property");
        }
    }
}
