package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.koppel.store.client.ImportOutcome;
import org.koppel.store.client.ImportResult;
import org.koppel.store.client.SyncState;

/** What became of each imported change, in order, and the sync state after them. */
@XmlType(name = "importOutcome")
public final class ImportOutcomeXml {

    @XmlElement(name = "result")
    public List<ResultXml> results;

    public byte[] state;

    /** One change's outcome and the object it touched. */
    @XmlType(name = "importResult")
    public static final class ResultXml {
        public ImportResult.Outcome outcome;
        public byte[] sourceKey;
        public byte[] entryId;
    }

    public static ImportOutcomeXml of(ImportOutcome o) {
        ImportOutcomeXml x = new ImportOutcomeXml();
        x.results = new ArrayList<>(o.results().size());
        for (ImportResult r : o.results()) {
            ResultXml rx = new ResultXml();
            rx.outcome = r.outcome();
            rx.sourceKey = WireIds.key(r.sourceKey());
            rx.entryId = WireIds.bytes(r.entryId());
            x.results.add(rx);
        }
        x.state = o.state().bytes();
        return x;
    }

    public ImportOutcome outcome() {
        List<ImportResult> out = new ArrayList<>();
        for (ResultXml r : WireIds.list(results)) {
            out.add(new ImportResult(r.outcome, WireIds.optionalKey(r.sourceKey), WireIds.optional(r.entryId)));
        }
        return new ImportOutcome(out, new SyncState(state == null ? new byte[0] : state));
    }
}
