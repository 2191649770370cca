package org.koppel.inetmapi.tnef;

import java.util.List;
import org.koppel.mapi.PropValue;

/** One row of attRecipTable: the recipient's properties as the stream gave them. */
public record TnefRecipient(List<PropValue> properties) {

    public TnefRecipient {
        properties = List.copyOf(properties);
    }
}
