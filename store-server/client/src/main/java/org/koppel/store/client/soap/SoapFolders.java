package org.koppel.store.client.soap;

import java.util.List;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.FolderDeletion;
import org.koppel.store.client.FolderInfo;
import org.koppel.store.client.Folders;
import org.koppel.store.client.HierarchyQuery;
import org.koppel.store.client.SearchCriteria;
import org.koppel.store.client.SearchState;
import org.koppel.store.client.TableBookmark;
import org.koppel.store.client.TableResult;
import org.koppel.store.client.TableSeek;

/** {@link Folders} over SOAP. */
final class SoapFolders implements Folders {

    private final SoapCall call;

    SoapFolders(SoapCall call) {
        this.call = call;
    }

    @Override
    public EntryId create(EntryId parent, String name, String containerClass, CollisionPolicy collision) {
        return WireIds.entryId(call.get((p, s) -> p.createFolder(s, parent.bytes(), name, containerClass, collision)));
    }

    @Override
    public FolderInfo info(EntryId folder) {
        return call.get((p, s) -> p.folderInfo(s, folder.bytes())).info();
    }

    @Override
    public List<FolderInfo> children(EntryId folder, boolean recursive) {
        return WireIds.list(call.get((p, s) -> p.folderChildren(s, folder.bytes(), recursive))).stream()
                .map(FolderXml::info).toList();
    }

    @Override
    public TableResult hierarchy(EntryId folder, HierarchyQuery query) {
        return call.get((p, s) -> p.hierarchyTable(s, folder.bytes(), TableQueryXml.of(query))).result();
    }

    @Override
    public java.util.OptionalInt findHierarchyRow(EntryId folder, HierarchyQuery query,
            org.koppel.mapi.Restriction find, int start, boolean backward) {
        int at = call.get((p, s) -> p.findHierarchyRow(s, folder.bytes(), TableQueryXml.of(query),
                RestrictionXml.of(find), start, backward));
        return at < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(at);
    }

    @Override
    public void rename(EntryId folder, String newName) {
        call.run((p, s) -> p.renameFolder(s, folder.bytes(), newName));
    }

    @Override
    public void move(EntryId folder, EntryId newParent, CollisionPolicy collision) {
        call.run((p, s) -> p.moveFolder(s, folder.bytes(), newParent.bytes(), collision));
    }

    @Override
    public EntryId copy(EntryId folder, EntryId newParent, String newName, boolean recursive,
            CollisionPolicy collision) {
        return WireIds.entryId(call.get((p, s) -> p.copyFolder(s, folder.bytes(), newParent.bytes(), newName,
                recursive, collision)));
    }

    @Override
    public void delete(EntryId folder, FolderDeletion how) {
        call.run((p, s) -> p.deleteFolder(s, folder.bytes(), how.deleteMessages(), how.deleteSubfolders()));
    }

    @Override
    public void empty(EntryId folder, boolean includeAssociated, boolean deleteSubfolders) {
        call.run((p, s) -> p.emptyFolder(s, folder.bytes(), includeAssociated, deleteSubfolders));
    }

    @Override
    public List<PropValue> properties(EntryId folder, List<PropTag> tags) {
        return PropXml.values(call.get((p, s) -> p.folderProperties(s, folder.bytes(), TableQueryXml.tags(tags))));
    }

    @Override
    public void setProperties(EntryId folder, List<PropValue> values) {
        call.run((p, s) -> p.setFolderProperties(s, folder.bytes(), PropXml.of(values)));
    }

    @Override
    public TableBookmark hierarchyBookmark(EntryId folder, HierarchyQuery query, int offset) {
        return new TableBookmark(call.get((p, s) -> p.hierarchyBookmark(s, folder.bytes(), TableQueryXml.of(query),
                offset)));
    }

    @Override
    public TableSeek hierarchySeek(EntryId folder, HierarchyQuery query, TableBookmark bookmark) {
        return SoapContents.seek(call.get((p, s) -> p.hierarchySeek(s, folder.bytes(), TableQueryXml.of(query),
                bookmark.bytes())));
    }

    @Override
    public EntryId createSearchFolder(EntryId parent, String name, CollisionPolicy collision) {
        return WireIds.entryId(call.get((p, s) -> p.createSearchFolder(s, parent.bytes(), name, collision)));
    }

    @Override
    public void setSearchCriteria(EntryId searchFolder, SearchCriteria criteria) {
        call.run((p, s) -> p.setSearchCriteria(s, searchFolder.bytes(), SearchCriteriaXml.of(criteria)));
    }

    @Override
    public SearchState searchState(EntryId searchFolder) {
        return call.get((p, s) -> p.searchState(s, searchFolder.bytes())).state();
    }
}
