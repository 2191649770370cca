package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlEnum;
import jakarta.xml.bind.annotation.XmlType;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PredecessorChangeList;
import org.koppel.store.client.ContentImport;

/**
 * One change a client imports: a saved message (new without a source key) with its predecessor change
 * list, a deletion, a read-state change or a move.
 */
@XmlType(name = "contentImport")
public final class ImportXml {

    @XmlEnum
    @XmlType(name = "importKind")
    public enum Kind { SAVE, DELETE, READ_STATE, MOVE }

    public Kind kind;
    public byte[] sourceKey;
    public MessageContentXml content;
    public byte[] predecessors;
    public boolean flag;
    public byte[] destination;

    public static ImportXml of(ContentImport c) {
        ImportXml x = new ImportXml();
        switch (c) {
            case ContentImport.Save s -> {
                x.kind = Kind.SAVE;
                x.sourceKey = WireIds.key(s.sourceKey());
                x.content = MessageContentXml.of(s.content());
                x.predecessors = s.predecessors().bytes();
            }
            case ContentImport.Delete d -> {
                x.kind = Kind.DELETE;
                x.sourceKey = d.sourceKey().bytes();
                x.flag = d.hard();
            }
            case ContentImport.ReadState r -> {
                x.kind = Kind.READ_STATE;
                x.sourceKey = r.sourceKey().bytes();
                x.flag = r.read();
            }
            case ContentImport.Move m -> {
                x.kind = Kind.MOVE;
                x.sourceKey = m.sourceKey().bytes();
                x.destination = m.destination().bytes();
            }
        }
        return x;
    }

    public ContentImport change() {
        if (kind == null) {
            throw new MapiException.InvalidParameter("import without a kind");
        }
        return switch (kind) {
            case SAVE -> {
                if (content == null) {
                    throw new MapiException.InvalidParameter("a saved message needs its content");
                }
                yield new ContentImport.Save(WireIds.optionalKey(sourceKey), content.content(),
                        predecessors == null ? PredecessorChangeList.empty() : PredecessorChangeList.parse(predecessors));
            }
            case DELETE -> new ContentImport.Delete(WireIds.sourceKey(sourceKey), flag);
            case READ_STATE -> new ContentImport.ReadState(WireIds.sourceKey(sourceKey), flag);
            case MOVE -> new ContentImport.Move(WireIds.sourceKey(sourceKey), WireIds.entryId(destination));
        };
    }
}
